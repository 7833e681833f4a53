import type { HttpResponse } from "../../http/types.js";
import type { PactHttpInteraction } from "../http-interaction.js";

/** One interaction served as a stub, with its response built at load. */
export interface Stub {
  interaction: PactHttpInteraction;
  response: HttpResponse;
  /** The pact file or URL. */
  source: string;
  consumer: string;
}
