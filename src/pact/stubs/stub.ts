import type { MockResponse } from "../../mock/types.js";
import type { PactHttpInteraction } from "../http-interaction.js";

/** One interaction served as a stub, with its response built at load. */
export interface Stub {
  interaction: PactHttpInteraction;
  response: MockResponse;
  /** The pact file or URL. */
  source: string;
  consumer: string;
}
