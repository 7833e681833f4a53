import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { corsHeaders, preflightResponse } from "../mock/cors.js";
import { VIOLATIONS_HEADER, violationsHeader } from "../mock/problem.js";
import { writeResponse } from "../mock/http-adapter.js";
import type { RouteTarget } from "../mock/router.js";
import type { MockRequest, MockResponse } from "../mock/types.js";
import { checkRequest, pathOf } from "./check-request.js";
import { fallbackReason } from "./fallback.js";
import { proxyProblem } from "./problems.js";
import { SOURCE_HEADER, sourceHeader, type ProxiedExchange } from "./proxied-exchange.js";
import { relayUpstream } from "./relay-upstream.js";
import { takeRequestBody } from "./request-body.js";
import type { ProxyRuntime } from "./runtime.js";
import { callUpstream } from "./upstream.js";

/**
 * One request through the proxy: route it, check it (reading the body only if that needs it),
 * stop it (`--strict`) or forward it, then relay the upstream's answer with its findings, or let
 * the mock answer (`--fallback`), or answer 502/504. Reported once the response is done.
 */
export async function handleExchange(rt: ProxyRuntime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const loaded = rt.current();
  const { options } = rt;
  const base: MockRequest = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers };
  const cors = options.cors ? corsHeaders(base) : {};
  if (options.cors && base.method === "OPTIONS" && req.headers["access-control-request-method"]) return writeResponse(res, preflightResponse(base));
  const match = loaded.validating.router.find(base.method.toUpperCase(), pathOf(base.url));
  const target = match.kind === "found" ? match.target : undefined;
  const body = await takeRequestBody(req, target, { validate: options.validateRequests, record: rt.recorder.active, maxBytes: options.maxBodyBytes });
  const request: MockRequest = { ...base, body: body.bytes };
  const requestViolations = options.validateRequests ? await checkRequest(loaded.validating, match, request, body.streamed, options.maxJsonDepth) : [];
  const exchange: ProxiedExchange = { method: base.method, url: base.url, ...ids(target), status: 0, source: "upstream", violations: requestViolations, ...(body.unchecked ? { unchecked: body.unchecked } : {}), durationMs: 0 };
  res.once("close", () => rt.report({ ...exchange, durationMs: performance.now() - started }, request, target));
  const answerWith = (source: "mock" | "proxy", response: MockResponse, extra: Partial<ProxiedExchange> = {}): void => {
    req.resume(); // the rest of a streamed body is not wanted: drain it so the connection stays usable
    const headers: Record<string, string> = { ...response.headers, ...cors, [SOURCE_HEADER]: sourceHeader(source, extra.reason) };
    if (requestViolations.length > 0) headers[VIOLATIONS_HEADER] = violationsHeader(requestViolations);
    Object.assign(exchange, { source, status: response.status }, extra);
    writeResponse(res, { ...response, headers });
  };
  if (options.strict && requestViolations.length > 0) return answerWith("mock", await loaded.validating.handle(request), { reason: "strict" });
  const call = callUpstream(rt.upstream, base.method, base.url, req.headers, body.outgoing);
  res.once("close", () => {
    if (!res.writableFinished) call.abort();
  });
  const outcome = await call.outcome;
  const reason = fallbackReason(options.fallback, target, outcome);
  if (reason) {
    if (outcome.kind === "response") outcome.response.resume();
    return answerWith("mock", await loaded.mock.core.handle(request), { reason });
  }
  if (outcome.kind === "timeout") return answerWith("proxy", proxyProblem("upstream-timeout", outcome.message, requestViolations), { error: outcome.message });
  if (outcome.kind === "unreachable") return answerWith("proxy", proxyProblem("upstream-unreachable", outcome.message, requestViolations), { error: outcome.message });
  await relayUpstream(rt, loaded, { target, request, requestViolations, exchange, cors }, outcome.response, res);
}

function ids(target: RouteTarget | undefined): Pick<ProxiedExchange, "contractId" | "operationId"> {
  return target ? { contractId: target.contract.id, operationId: target.operation.operationId } : {};
}
