import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import type { RouteTarget } from "../http/router.js";
import type { HttpRequest } from "../http/types.js";
import type { Violation } from "../schema/violation.js";
import { writeResponse } from "../server/node-adapter.js";
import { responseBodyNeeded, type LoadedProxy, type ProxyContext } from "./context.js";
import { decodeBody } from "./decode-body.js";
import { problem, problemResponse } from "../http/problem.js";
import { SOURCE_HEADER, sourceHeader, type ProxiedExchange } from "./proxied-exchange.js";
import { recordExchange } from "./recording.js";
import { relayResponse } from "./relay.js";
import { isTextual } from "./request-body.js";

export interface ForwardedRequest {
  target: RouteTarget | undefined;
  request: HttpRequest;
  requestViolations: Violation[];
  /** Filled in here: status, findings; reported by the caller when the response closes. */
  exchange: ProxiedExchange;
  /** The CORS headers for an answer with these headers (none without --cors). */
  cors(answered: Readonly<Record<string, unknown>>): Record<string, string>;
  /** When the call upstream began: the upstream's own time is measured from here. */
  upstreamStarted: number;
}

/**
 * The upstream answered: check the response (reading its body only when its schema needs it, or a
 * recording does), relay it with the findings, and record it when request and response both pass.
 * An answer that breaks off is an upstream failure: a 502 when nothing was sent on yet, else the
 * client's connection is cut as the upstream's was; either way the exchange says so.
 */
export async function relayUpstream(
  ctx: ProxyContext,
  loaded: LoadedProxy,
  fwd: ForwardedRequest,
  response: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { options, recorder } = ctx;
  const { target, request, exchange } = fwd;
  const status = response.statusCode ?? 502;
  const contentType = response.headers["content-type"];
  const engine = target ? loaded.engine : undefined;
  const checking = engine !== undefined && (options.validateResponses || recorder.active);
  response.once("end", () => (exchange.upstreamMs = performance.now() - fwd.upstreamStarted));
  let verdict: Violation[] | undefined;
  let decoded: Buffer | undefined;
  const relayed = await relayResponse(response, res, {
    readBody:
      checking &&
      request.method.toUpperCase() !== "HEAD" &&
      ((options.validateResponses && responseBodyNeeded(target!, status, contentType)) ||
        (recorder.active && isTextual(contentType))),
    limit: options.maxCheckedResponseBytes,
    extraHeaders: { ...fwd.cors(response.headers), [SOURCE_HEADER]: sourceHeader("upstream") },
    requestViolations: fwd.requestViolations,
    check(body) {
      if (!checking) return [];
      decoded = body && decodeBody(body, response.headers["content-encoding"], options.maxCheckedResponseBytes);
      if (body && !decoded) return notDecoded(fwd, response.headers["content-encoding"]);
      verdict = engine.checkResponse({
        method: request.method,
        url: request.url,
        status,
        headers: response.headers,
        body: decoded,
      }).violations;
      return options.validateResponses ? verdict : [];
    },
    onBrokenStream: (message) => (exchange.error = `${request.method} ${ctx.upstream.url.origin}: ${message}`),
  });
  if (relayed.kind === "broken") {
    const message = `${request.method} ${ctx.upstream.url.origin}: ${relayed.message}`;
    Object.assign(exchange, { source: "proxy", status: 502, error: message });
    const answer = problemResponse(problem("upstream-incomplete", message, fwd.requestViolations));
    Object.assign(answer.headers, fwd.cors(answer.headers), { [SOURCE_HEADER]: sourceHeader("proxy") });
    return writeResponse(res, answer);
  }
  Object.assign(exchange, { status, violations: [...fwd.requestViolations, ...relayed.responseViolations] });
  if (relayed.unchecked) exchange.unchecked = relayed.unchecked;
  const passed = target && verdict?.length === 0 && fwd.requestViolations.length === 0 && !exchange.unchecked;
  if (!passed || !recorder.active) return;
  const record = () =>
    recorder.record(
      recordExchange(
        target,
        request.method,
        request.url,
        { headers: request.headers, body: request.body },
        { status, headers: response.headers, body: decoded },
      ),
      target,
    );
  if (res.writableFinished) record();
  else res.once("finish", record);
}

/** A body in an encoding the proxy cannot undo is relayed as it is, and said to be unchecked. */
function notDecoded(fwd: ForwardedRequest, encoding: string | string[] | undefined): Violation[] {
  fwd.exchange.unchecked = `response body in Content-Encoding ${String(encoding)} could not be decoded: not checked`;
  return [];
}
