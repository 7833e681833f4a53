import type { ContractEngine } from "../../http/engine.js";
import type { RouteTarget } from "../../http/router.js";
import type { HttpRequest, HttpResponse } from "../../http/types.js";
import { firstValue, splitUrl } from "../../http/url.js";
import type { RequestTrace } from "../hooks.js";
import type { Answered } from "./dispatcher.js";

/**
 * Callbacks follow a success: a valid request to an operation with callbacks, answered 2xx and not
 * replaced by a fault. A refused request (400, 401, 422) or an error answer made no event to report.
 */
export function firesCallbacks(response: HttpResponse, trace: RequestTrace): boolean {
  return (
    trace.target?.operation.callbacks !== undefined &&
    !trace.violations &&
    !response.fault &&
    response.status >= 200 &&
    response.status < 300
  );
}

/** What the callbacks' runtime expressions read from the exchange. */
export function answeredOf(
  request: HttpRequest,
  response: HttpResponse,
  target: RouteTarget,
  trigger: number | undefined,
  engine: ContractEngine,
): Answered {
  const { pathname } = splitUrl(request.url);
  return {
    target,
    trigger,
    registry: engine.registryOf(target.contract),
    origin: `http://${firstValue(request.headers.host) ?? "127.0.0.1"}`,
    request,
    response,
    pathParams: () => {
      const match = engine.router.find(request.method.toUpperCase(), pathname);
      return match.kind === "found" ? match.pathParams : {};
    },
  };
}
