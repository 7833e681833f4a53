import type { HttpRequest, HttpResponse } from "../../http/types.js";

/**
 * Canned answers the mock consults beside its contracts (`mock --pact`: one per pact interaction).
 * The mock knows only this interface; pact/stubs/ implements it, so mock/ does not depend on pact/.
 */
export interface StubMatcher {
  /** `matched`: the stub's response. `unmatched`: a 404 problem that says which stub came closest and why not. */
  answer(
    request: HttpRequest,
  ): { kind: "matched"; response: HttpResponse } | { kind: "unmatched"; response: HttpResponse };
  /** One row per stub, for the start-up table. */
  listing(): Array<{ method: string; path: string; description: string; source: string }>;
  /** The files the stubs came from: reloaded with `--watch`. */
  files: string[];
  /** Interactions whose response HTTP cannot carry (status, header name or value): answered as a 500, said at load. */
  warnings: Array<{ message: string; file: string; pointer?: string }>;
  /** One line per pact with interactions that are not served (messages have no HTTP request to answer). */
  notes: string[];
}
