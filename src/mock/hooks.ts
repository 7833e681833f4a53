import type { Violation } from "../schema/violation.js";
import type { BuildContext } from "./build.js";
import type { RouteTarget } from "../http/router.js";
import type { HttpRequest, HttpResponse } from "../http/types.js";
import type { NearMiss } from "./overrides/near-miss.js";

/** What the core learnt about one request, for the journal. */
export interface RequestTrace {
  target?: RouteTarget;
  /** Violations of a request the core rejected. */
  violations?: Violation[];
  /** Who answered, when not the generated answer: `override mocks/shop.yaml:3`, `stateful`, `stub`. */
  answeredBy?: string;
  /** An override of a route no contract has answered: nothing was validated. */
  outsideContract?: boolean;
  /** For a request no route matched: the routes near it, as its 404 names them. */
  closest?: string[];
  /** No override answered, but one of the operation's came close: which, and the first field that differed. */
  nearMiss?: NearMiss;
  /** The answer of an override's sequence that was sent: its position in `respond`, from 0. */
  step?: number;
  /** What the generated answer's body came from (none for an answer without a body). */
  builtFrom?: "example" | "fake";
  /** A CORS preflight answered by `--cors`: never delayed nor faulted. */
  preflight?: boolean;
  /** When the core took the request (performance.now()); set only when someone listens to exchanges. */
  startedAt?: number;
}

/**
 * A hook's answer: at once where nothing is to be read (most requests, so they pay no await), or
 * later where the store is read (a stateful request, an override in a scenario).
 */
export type MaybeAnswer = HttpResponse | undefined | Promise<HttpResponse | undefined>;

/**
 * The core's hooks: the core stays `handle(request) -> response` and
 * knows nothing of mocks files, state or the journal.
 */
export interface AnswerHooks {
  /** For a valid request, before anything else answers it (pact stubs included): the first matching override's answer. */
  override(
    ctx: BuildContext,
    request: HttpRequest,
    pathParams: Record<string, string>,
    trace: RequestTrace,
  ): MaybeAnswer;
  /** For a request no contract route matches, before the 404/405 (and pact stubs): an override of a route outside the contracts. */
  outside?(request: HttpRequest, trace: RequestTrace): MaybeAnswer;
  /** For a valid request no override or stub answered, before the generated answer: the stateful store's answer. */
  stateful(
    ctx: BuildContext,
    request: HttpRequest,
    pathParams: Record<string, string>,
    trace: RequestTrace,
  ): MaybeAnswer;
  /** Every response on its way out: global latency and faults, then the journal. */
  finish(request: HttpRequest, response: HttpResponse, trace: RequestTrace): HttpResponse;
}
