import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { corsHeaders, isPreflight, preflightResponse } from "../http/cors.js";
import { VIOLATIONS_HEADER, problem, problemResponse, violationsHeader } from "../http/problem.js";
import type { RouteTarget } from "../http/router.js";
import type { HttpRequest, HttpResponse } from "../http/types.js";
import { writeResponse } from "../server/node-adapter.js";
import { routeOf, type ProxyContext } from "./context.js";
import { fallbackReason } from "./fallback.js";
import { SOURCE_HEADER, sourceHeader, type ProxiedExchange } from "./proxied-exchange.js";
import { relayUpstream } from "./relay-upstream.js";
import { takeRequestBody } from "./request-body.js";
import { callUpstream } from "./upstream.js";
import { coversOutsideRoute } from "../mock/answer-sources.js";

/**
 * One request through the proxy: route it, check it (reading the body only if that needs it),
 * stop it (`--strict`) or forward it, then relay the upstream's answer with its findings, or let
 * the mock answer (`--fallback`), or answer 502/504. Reported once the response is done.
 */
export async function handleExchange(ctx: ProxyContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const loaded = ctx.current();
  const { options } = ctx;
  const base: HttpRequest = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers };
  // --cors: the headers say which of the answer's own headers a script may read, so they are made per answer.
  const cors = (answered: Readonly<Record<string, unknown>>) => (options.cors ? corsHeaders(base, answered) : {});
  if (options.cors && isPreflight(base)) return writeResponse(res, preflightResponse(base));
  const match = routeOf(loaded.engine, ctx.upstream.url, req);
  const target = match?.kind === "found" ? match.target : undefined;
  // --prefer mock: the mock answers what its contracts or its mocks entries outside them cover.
  const byMock =
    options.prefer === "mock" &&
    loaded.mock !== undefined &&
    (target !== undefined || coversOutsideRoute(loaded.mock.sources, base));
  const body = await takeRequestBody(req, target, {
    validate: options.validateRequests,
    record: ctx.recorder.active,
    mock: byMock,
    maxBytes: options.maxBodyBytes,
  });
  const request: HttpRequest = { ...base, body: body.bytes };
  const checking = options.validateRequests && loaded.engine && match;
  const requestViolations = checking
    ? await loaded.engine!.checkRequest({
        match: match!,
        request,
        streamed: body.streamed,
        maxJsonDepth: options.maxJsonDepth,
      })
    : [];
  const exchange: ProxiedExchange = {
    method: base.method,
    url: base.url,
    ...ids(target),
    status: 0,
    source: "upstream",
    violations: requestViolations,
    ...(body.unchecked ? { unchecked: body.unchecked } : {}),
    durationMs: 0,
  };
  res.once("close", () => ctx.report({ ...exchange, durationMs: performance.now() - started }, request, target));
  const answerWith = (source: "mock" | "proxy", response: HttpResponse, extra: Partial<ProxiedExchange> = {}): void => {
    req.resume(); // the rest of a streamed body is not wanted: drain it so the connection stays usable
    const headers: Record<string, string> = {
      ...response.headers,
      ...cors(response.headers),
      [SOURCE_HEADER]: sourceHeader(source, extra.reason),
    };
    if (requestViolations.length > 0) headers[VIOLATIONS_HEADER] = violationsHeader(requestViolations);
    Object.assign(exchange, { source, status: response.status }, extra);
    writeResponse(res, { ...response, headers });
  };
  if (options.strict && requestViolations.length > 0 && loaded.mock)
    return answerWith("mock", await loaded.mock.core.handle(request, { requestValidation: true }), {
      reason: "strict",
    });
  if (byMock)
    return answerWith("mock", await loaded.mock!.core.handle(request), {
      reason: "preferred",
      ...(target ? {} : { outsideContract: true }),
    });
  const upstreamStarted = performance.now();
  const call = callUpstream(ctx.upstream, base.method, base.url, req.headers, body.outgoing);
  res.once("close", () => {
    if (!res.writableFinished) call.abort();
  });
  const outcome = await call.outcome;
  const reason = loaded.mock ? fallbackReason(options.fallback, target, outcome) : undefined;
  if (reason) {
    if (outcome.kind === "response") outcome.response.resume();
    return answerWith("mock", await loaded.mock!.core.handle(request), { reason });
  }
  if (outcome.kind === "timeout")
    return answerWith("proxy", problemResponse(problem("upstream-timeout", outcome.message, requestViolations)), {
      error: outcome.message,
    });
  if (outcome.kind === "unreachable")
    return answerWith("proxy", problemResponse(problem("upstream-unreachable", outcome.message, requestViolations)), {
      error: outcome.message,
    });
  await relayUpstream(
    ctx,
    loaded,
    { target, request, requestViolations, exchange, cors, upstreamStarted },
    outcome.response,
    res,
  );
}

function ids(target: RouteTarget | undefined): Pick<ProxiedExchange, "contractId" | "operationId"> {
  return target ? { contractId: target.contract.id, operationId: target.operation.operationId } : {};
}
