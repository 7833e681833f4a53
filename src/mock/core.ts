import type { Operation } from "../contract/model.js";
import { MockpactError } from "../errors.js";
import type { Violation } from "../schema/violation.js";
import type { BuildContext } from "./build.js";
import { chooseResponse, clientErrorStatus } from "../http/choose.js";
import { corsHeaders, isPreflight, preflightHint, preflightResponse } from "../http/cors.js";
import { errorResponse } from "./error-response.js";
import type { ResolvedMockOptions } from "./options.js";
import { parseCookieHeader } from "../http/cookies.js";
import { encodePathParams, mediaTypeMessage } from "../http/check-request.js";
import type { ContractEngine } from "../http/engine.js";
import { firstValue, splitUrl } from "../http/url.js";
import { preferencesOf, type MockPreferences } from "../http/prefer.js";
import { VIOLATIONS_HEADER, problem, problemResponse, violationsHeader } from "../http/problem.js";
import { mockErrorResponse, respond, type BuiltResponse } from "./respond.js";
import type { RouteMatch, RouteTarget } from "../http/router.js";
import { routeNotFound } from "../http/closest-routes.js";
import { credentialViolations, missingCredentials } from "../http/security.js";
import type { StubMatcher } from "../pact/stubs/matcher.js";
import type { AnswerHooks, RequestTrace } from "./hooks.js";
import type { HttpRequest, HttpResponse } from "../http/types.js";
import { base64Of, utf8Bytes } from "../http/bytes.js";
import { validateRequest, type RequestVerdict } from "../http/validate-request.js";

const SKIPPED: RequestVerdict = { kind: "valid" };

/** A routed request on its way through the answer sources. */
interface Found {
  ctx: BuildContext;
  request: HttpRequest;
  /** The request's method upper-cased, once. */
  method: string;
  pathParams: Record<string, string>;
  queryText: string;
  trace: RequestTrace;
}

export interface MockCore {
  /** The compiled contracts: router and validators, shared with load-time checks so nothing compiles twice. */
  engine: ContractEngine;
  /** `mode` overrides the options for one request: `proxy --strict` validates with a core that otherwise does not. */
  handle(request: HttpRequest, mode?: { requestValidation: boolean }): Promise<HttpResponse>;
  /** The same answer without a promise where nothing had to be awaited: what the node:http adapter calls. */
  answerNow(request: HttpRequest, mode?: { requestValidation: boolean }): HttpResponse | Promise<HttpResponse>;
}

/** Static answers kept per operation, keyed by status, Accept and example; bounded per operation. */
const MAX_CACHED_PER_OPERATION = 64;

/**
 * The pure core: `handle(request) -> response`, no sockets. Everything that can be done once is done
 * here at creation (router, registries) or on first use and cached (validators, static answers).
 */
export function createMockCore(
  engine: ContractEngine,
  options: ResolvedMockOptions,
  stubs?: StubMatcher,
  extensions?: AnswerHooks,
): MockCore {
  const { router } = engine;
  const cache = new WeakMap<Operation, Map<string, BuiltResponse>>();
  // One context per route target, made on its first request: it is read, never written, and a new
  // object per request was a measurable share of a static answer's garbage.
  const contexts = new WeakMap<RouteTarget, BuildContext>();
  const contextOf = (target: RouteTarget): BuildContext => {
    let ctx = contexts.get(target);
    if (!ctx)
      contexts.set(
        target,
        (ctx = {
          contract: target.contract,
          operation: target.operation,
          registry: engine.registryOf(target.contract),
          seed: options.seed,
        }),
      );
    return ctx;
  };

  /** The answer, at once where nothing had to be awaited (most requests), else a promise of it. */
  function answerNow(
    request: HttpRequest,
    mode?: { requestValidation: boolean },
  ): HttpResponse | Promise<HttpResponse> {
    const trace: RequestTrace = options.onAnswer ? { startedAt: performance.now() } : {};
    const done = (response: HttpResponse) => finish(request, response, trace);
    const failed = (error: unknown) => done(mockErrorResponse(asError(error)));
    let routed: HttpResponse | Promise<HttpResponse>;
    try {
      routed = route(request, trace, mode?.requestValidation ?? options.requestValidation);
    } catch (error) {
      return failed(error);
    }
    return routed instanceof Promise ? routed.then(done, failed) : done(routed);
  }

  function finish(request: HttpRequest, response: HttpResponse, trace: RequestTrace): HttpResponse {
    if (options.cors) Object.assign(response.headers, corsHeaders(request, response.headers));
    return extensions ? extensions.finish(request, response, trace) : response; // journal, --latency, --fault-rate
  }

  type Answer = HttpResponse | Promise<HttpResponse>;

  function route(request: HttpRequest, trace: RequestTrace, requestValidation: boolean): Answer {
    const method = request.method.toUpperCase();
    const { pathname, queryText } = splitUrl(request.url);
    if (options.cors && isPreflight(request)) {
      trace.preflight = true; // answered at once: --latency and --fault-rate are for the real request
      return preflightResponse(request);
    }
    const match = router.find(method, pathname);
    if (match.kind === "found") return routeFound(request, method, match, queryText, trace, requestValidation);
    const outside = extensions?.outside?.(request, trace); // mocks entries by method and path
    return outside instanceof Promise
      ? outside.then((answer) => answer ?? unrouted(request, match, pathname, trace))
      : (outside ?? unrouted(request, match, pathname, trace));
  }

  function unrouted(
    request: HttpRequest,
    match: Exclude<RouteMatch, { kind: "found" }>,
    pathname: string,
    trace: RequestTrace,
  ): HttpResponse {
    if (match.kind === "not-found") return stubs ? stubAnswer(request, trace) : notFound(request, pathname, trace);
    const stubbed = stubFor(request, trace);
    if (stubbed) return stubbed;
    const method = request.method.toUpperCase();
    return problemResponse(
      problem(
        "method-not-allowed",
        `${pathname} allows ${match.allow.join(", ")}, not ${method}${preflightHint(request)}`,
      ),
      { allow: match.allow.join(", ") },
    );
  }

  function routeFound(
    request: HttpRequest,
    method: string,
    match: Extract<RouteMatch, { kind: "found" }>,
    queryText: string,
    trace: RequestTrace,
    requestValidation: boolean,
  ): Answer {
    const ctx = contextOf(match.target);
    trace.target = match.target;
    const { operation, contract } = match.target;
    const headers = request.headers;
    const cookies = parseCookieHeader(firstValue(headers.cookie));
    const challenges = missingCredentials(contract, operation, { headers, queryText, cookies });
    if (challenges) {
      const stubbed = stubFor(request, trace, []);
      if (stubbed) return stubbed;
      trace.violations = credentialViolations(contract, operation);
      const p = problem(
        "unauthorized",
        `${operation.operationId} needs credentials: ${challenges.join("; ")}`,
        trace.violations,
      );
      return errorResponse(ctx, p, headers.accept as string | undefined, { "www-authenticate": challenges.join(", ") });
    }
    const pathParams = encodePathParams(match.pathParams);
    // --no-request-validation: security (step 2) still applies, validation (step 3) does not.
    const verdict = !requestValidation
      ? SKIPPED
      : validateRequest(ctx.registry, operation, {
          parts: { pathParams, query: queryText, headers, cookies },
          contentType: firstValue(headers["content-type"]),
          body: request.body,
          maxJsonDepth: options.maxJsonDepth,
        });
    const at: Found = { ctx, request, method, pathParams: match.pathParams, queryText, trace };
    return verdict instanceof Promise ? verdict.then((v) => afterVerdict(at, v)) : afterVerdict(at, verdict);
  }

  /** Overrides, pact stubs, refusal, state, then the contract's own answer: in that order. */
  function afterVerdict(at: Found, verdict: RequestVerdict): Answer {
    const { ctx, request, trace } = at;
    if (verdict.kind === "invalid") trace.violations = verdict.violations;
    const overriding = verdict.kind === "valid" ? extensions?.override(ctx, request, at.pathParams, trace) : undefined; // mocks/ entries
    if (overriding instanceof Promise)
      return overriding.then((overridden) => overridden ?? afterOverrides(at, verdict));
    return overriding ?? afterOverrides(at, verdict);
  }

  function afterOverrides(at: Found, verdict: RequestVerdict): Answer {
    const { ctx, request, trace } = at;
    const refused =
      verdict.kind === "invalid" ? verdict.violations : verdict.kind === "unsupported-media-type" ? [] : undefined;
    const stubbed = stubFor(request, trace, refused);
    if (stubbed) return stubbed;
    if (verdict.kind !== "valid") return refusal(ctx, verdict, request.headers.accept);
    const keeping = extensions?.stateful(ctx, request, at.pathParams, trace); // --stateful
    if (keeping instanceof Promise) return keeping.then((stateful) => stateful ?? contractAnswer(at));
    return keeping ?? contractAnswer(at);
  }

  function contractAnswer({ ctx, request, method, pathParams, queryText, trace }: Found): HttpResponse {
    const headers = request.headers;
    const preferences = preferencesOf(headers.prefer, queryText);
    return answer(ctx, method, request, pathParams, firstValue(headers.accept), preferences, trace);
  }

  /** A 404 naming the routes near the request; the journal keeps them for `GET <admin>/requests/unmatched`. */
  function notFound(request: HttpRequest, pathname: string, trace: RequestTrace): HttpResponse {
    const { response, closest } = routeNotFound(router, request.method.toUpperCase(), pathname, preflightHint(request));
    if (closest.length > 0) trace.closest = closest;
    return response;
  }

  /**
   * `mock --pact`: a pact interaction matching the request answers instead of the contract. Where the
   * contract refuses the request (`refusal`), only an interaction that answers an error does (the pact
   * describes that bad request), and the contract's violations go into the violations header.
   */
  function stubFor(request: HttpRequest, trace: RequestTrace, refusal?: Violation[]): HttpResponse | undefined {
    const stub = stubs?.answer(request);
    if (stub?.kind !== "matched") return undefined;
    if (refusal !== undefined && stub.response.status < 400) return undefined;
    if (refusal !== undefined && refusal.length > 0)
      stub.response.headers[VIOLATIONS_HEADER] = violationsHeader(refusal);
    trace.answeredBy = "stub";
    return stub.response;
  }

  /** A request no contract routes, with `--pact`: a matching stub's answer, else the stubs' own mismatch answer. */
  function stubAnswer(request: HttpRequest, trace: RequestTrace): HttpResponse {
    const stub = stubs!.answer(request);
    if (stub.kind === "matched") trace.answeredBy = "stub";
    return stub.response;
  }

  function answer(
    ctx: BuildContext,
    method: string,
    request: HttpRequest,
    pathParams: Record<string, string>,
    accept: string | undefined,
    preferences: MockPreferences,
    trace: RequestTrace,
  ): HttpResponse {
    const chosen = chooseResponse(ctx.operation, preferences.code);
    if (!chosen) return noSuchResponse(ctx, preferences.code);
    const dynamic = options.dynamic || preferences.dynamic === true;
    const headOnly = method === "HEAD";
    const build = () =>
      respond(ctx, {
        status: chosen.status,
        spec: chosen.spec,
        accept,
        preferences,
        dynamic,
        requestKey: dynamic ? requestKeyOf(request) : "",
        headOnly,
        echoParams: options.echoParams,
      });
    if (dynamic) {
      const built = build();
      trace.builtFrom = built.builtFrom;
      return withEcho(built, pathParams);
    }
    let perOperation = cache.get(ctx.operation);
    if (!perOperation) cache.set(ctx.operation, (perOperation = new Map()));
    const key = `${chosen.status}\u0000${accept ?? ""}\u0000${preferences.example ?? ""}\u0000${headOnly}`;
    let cached = perOperation.get(key);
    if (!cached) {
      cached = withBodyBytes(build());
      if (perOperation.size < MAX_CACHED_PER_OPERATION) perOperation.set(key, cached);
    }
    trace.builtFrom = cached.builtFrom;
    return withEcho(cached, pathParams);
  }

  return { engine, answerNow, handle: async (request, mode) => answerNow(request, mode) };
}

/**
 * Bodies from this length on are kept encoded too. Measured by server CPU per request (two builds side
 * by side, alternated rounds): GitHub's 16 KB example ~8 us less with the bytes, the sample's 300-byte
 * one ~2 us more (node:http sends a short text in one write with its headers, bytes in a second).
 */
const ENCODED_FROM_CHARS = 4096;

/** A large cached answer keeps its body encoded too: written per request with no UTF-8 encoding or length count. */
function withBodyBytes(built: BuiltResponse): BuiltResponse {
  return typeof built.body === "string" && built.body.length >= ENCODED_FROM_CHARS
    ? { ...built, encodedBody: utf8Bytes(built.body) }
    : built;
}

/** A copy of a built answer (the cache keeps its own), with the request's path parameters where it planned an echo that fits. */
function withEcho(built: BuiltResponse, pathParams: Record<string, string>): HttpResponse {
  const headers = { ...built.headers };
  const echoed = built.echo?.(pathParams);
  if (echoed !== undefined) return { status: built.status, headers, body: echoed };
  const answer: HttpResponse = { status: built.status, headers, body: built.body };
  if (built.encodedBody) answer.encodedBody = built.encodedBody;
  return answer;
}

/** 415 for an undeclared media type; else the documented client-error status with every violation, in the operation's documented error shape. */
function refusal(
  ctx: BuildContext,
  verdict: Exclude<RequestVerdict, { kind: "valid" }>,
  accept: string | string[] | undefined,
): HttpResponse {
  if (verdict.kind === "unsupported-media-type") {
    return problemResponse(problem("unsupported-media-type", mediaTypeMessage(verdict.contentType, verdict.declared)));
  }
  const status = clientErrorStatus(ctx.operation, verdict.status);
  const kind = status === 400 ? "invalid-request" : verdict.status === 422 ? "invalid-body" : "unprocessable-request";
  const p = problem(
    kind,
    `${verdict.violations.length} violation(s) of ${ctx.operation.operationId}`,
    verdict.violations,
  );
  return errorResponse(ctx, p, firstValue(accept));
}

/**
 * `Prefer: code=418` where the contract documents no 418 (nor 4XX, nor default) is the client's
 * error: 400 naming the documented statuses. An operation with no responses at all is the contract's:
 * 500.
 */
function noSuchResponse(ctx: BuildContext, code: number | undefined): HttpResponse {
  const documented = ctx.operation.responses.map((r) => r.status.toLowerCase()).join(", ");
  if (code === undefined)
    return problemResponse(problem("no-response-defined", `${ctx.operation.operationId} documents no response`));
  const message = `Prefer asks for status ${code}, which ${ctx.operation.operationId} does not document (documented: ${documented})`;
  return problemResponse(
    problem("invalid-request", message, [{ in: "header", where: "prefer", keyword: "code", message }]),
  );
}

function requestKeyOf(request: HttpRequest): string {
  const body = request.body && request.body.length > 0 ? base64Of(request.body) : "";
  return `${request.method} ${request.url} ${body}`;
}

function asError(error: unknown): Error {
  if (error instanceof MockpactError) return error;
  return error instanceof Error ? error : new Error(String(error));
}
