import type { IncomingMessage, ServerResponse } from "node:http";
import type { RouteTarget } from "../mock/router.js";
import type { MockRequest } from "../mock/types.js";
import type { Violation } from "../schema/violation.js";
import { SOURCE_HEADER, sourceHeader, type ProxiedExchange } from "./proxied-exchange.js";
import { decodeBody } from "./decode-body.js";
import { recordExchange } from "./recording.js";
import { relayResponse } from "./relay.js";
import { isTextual } from "./request-body.js";
import { responseBodyNeeded, type LoadedProxy, type ProxyRuntime } from "./runtime.js";

export interface ForwardedRequest {
  target: RouteTarget | undefined;
  request: MockRequest;
  requestViolations: Violation[];
  /** Filled in here: status, findings; reported by the caller when the response closes. */
  exchange: ProxiedExchange;
  cors: Record<string, string>;
}

/**
 * The upstream answered: check the response (reading its body only when its schema needs it, or a
 * recording does), relay it with the findings, and record it when request and response both pass.
 * With `--validate` off for responses, a recording still needs a verdict: the check runs, unreported.
 */
export async function relayUpstream(rt: ProxyRuntime, loaded: LoadedProxy, fwd: ForwardedRequest, response: IncomingMessage, res: ServerResponse): Promise<void> {
  const { options, recorder } = rt;
  const { target, request } = fwd;
  const status = response.statusCode ?? 502;
  const contentType = response.headers["content-type"];
  const checking = target !== undefined && (options.validateResponses || recorder.active);
  let verdict: Violation[] | undefined;
  let decoded: Buffer | undefined;
  const relayed = await relayResponse(response, res, {
    readBody: checking && request.method.toUpperCase() !== "HEAD" && ((options.validateResponses && responseBodyNeeded(target, status, contentType)) || (recorder.active && isTextual(contentType))),
    limit: options.maxCheckedResponseBytes,
    extraHeaders: { ...fwd.cors, [SOURCE_HEADER]: sourceHeader("upstream") },
    requestViolations: fwd.requestViolations,
    check(body) {
      if (!checking) return [];
      decoded = body && decodeBody(body, response.headers["content-encoding"], options.maxCheckedResponseBytes);
      if (body && !decoded) return notDecoded(fwd, response.headers["content-encoding"]);
      verdict = loaded.checker.check({ method: request.method, url: request.url, status, headers: response.headers, body: decoded }).violations;
      return options.validateResponses ? verdict : [];
    },
  });
  Object.assign(fwd.exchange, { status, violations: [...fwd.requestViolations, ...relayed.responseViolations] });
  if (relayed.unchecked) fwd.exchange.unchecked = relayed.unchecked;
  const passed = target && verdict?.length === 0 && fwd.requestViolations.length === 0 && !fwd.exchange.unchecked;
  if (!passed || !recorder.active) return;
  const record = () => recorder.record(recordExchange(target, request.method, request.url, { headers: request.headers, body: request.body }, { status, headers: response.headers, body: decoded }), target);
  if (res.writableFinished) record();
  else res.once("finish", record);
}

/** A body in an encoding the proxy cannot undo is relayed as it is, and said to be unchecked. */
function notDecoded(fwd: ForwardedRequest, encoding: string | string[] | undefined): Violation[] {
  fwd.exchange.unchecked = `response body in Content-Encoding ${String(encoding)} could not be decoded: not checked`;
  return [];
}
