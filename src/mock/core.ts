import type { Contract, Operation } from "../contract/model.js";
import { MockpactError } from "../errors.js";
import { SchemaRegistry } from "../schema/registry.js";
import type { Violation } from "../schema/violation.js";
import type { BuildContext } from "./build.js";
import { chooseResponse } from "./choose.js";
import { corsHeaders, preflightResponse } from "./cors.js";
import { errorResponse } from "./error-response.js";
import type { ResolvedMockOptions } from "./options.js";
import { parseCookieHeader } from "./params.js";
import { parsePrefer } from "./prefer.js";
import { VIOLATIONS_HEADER, problem, problemResponse, violationsHeader } from "./problem.js";
import { mockErrorResponse, respond } from "./respond.js";
import { buildRouter, type RouteTarget, type Router } from "./router.js";
import { missingCredentials } from "./security.js";
import type { StubMatcher } from "./stubs.js";
import type { CoreExtensions, RequestTrace } from "./extensions.js";
import type { MockRequest, MockResponse } from "./types.js";
import { validateRequest, type RequestVerdict } from "./validate-request.js";

const SKIPPED: RequestVerdict = { kind: "valid" };

export interface MockCore {
  contracts: Contract[];
  router: Router;
  /** The compiled-validator cache of a contract: shared with load-time checks so nothing compiles twice. */
  registryOf(contract: Contract): SchemaRegistry;
  handle(request: MockRequest): Promise<MockResponse>;
}

/** Static answers kept per operation, keyed by status, Accept and example; bounded per operation. */
const MAX_CACHED_PER_OPERATION = 64;

/**
 * The pure core: `handle(request) -> response`, no sockets. Everything that can be done once is done
 * here at creation (router, registries) or on first use and cached (validators, static answers).
 */
export function createMockCore(contracts: Contract[], options: ResolvedMockOptions, stubs?: StubMatcher, extensions?: CoreExtensions): MockCore {
  const router = buildRouter(contracts, (message, target) => options.onEvent({ type: "warning", message, file: target.contract.file, pointer: target.operation.source.pointer }));
  const registries = new Map(contracts.map((c) => [c, new SchemaRegistry(c)] as const));
  const cache = new WeakMap<Operation, Map<string, MockResponse>>();
  // One context per route target, made on its first request: it is read, never written, and a new
  // object per request was a measurable share of a static answer's garbage.
  const contexts = new WeakMap<RouteTarget, BuildContext>();
  const contextOf = (target: RouteTarget): BuildContext => {
    let ctx = contexts.get(target);
    if (!ctx) contexts.set(target, (ctx = { contract: target.contract, operation: target.operation, registry: registries.get(target.contract)!, seed: options.seed }));
    return ctx;
  };

  async function handle(request: MockRequest): Promise<MockResponse> {
    const trace: RequestTrace = {};
    let response: MockResponse;
    try {
      response = await route(request, trace);
    } catch (error) {
      response = mockErrorResponse(asError(error));
    }
    if (options.cors) Object.assign(response.headers, corsHeaders(request));
    return extensions ? extensions.finish(request, response, trace) : response; // journal, --latency, --fault-rate
  }

  async function route(request: MockRequest, trace: RequestTrace = {}): Promise<MockResponse> {
    const method = request.method.toUpperCase();
    const q = request.url.indexOf("?");
    const pathname = q < 0 ? request.url : request.url.slice(0, q);
    const queryText = q < 0 ? "" : request.url.slice(q + 1);
    if (options.cors && method === "OPTIONS" && request.headers["access-control-request-method"]) return preflightResponse(request);
    const match = router.find(method, pathname);
    if (match.kind === "not-found") return stubs ? stubs.answer(request).response : problemResponse(problem("not-found", `No operation of the loaded contracts matches ${method} ${pathname}`));
    if (match.kind === "method-not-allowed") {
      const stubbed = stubFor(request);
      if (stubbed) return stubbed;
      return problemResponse(problem("method-not-allowed", `${pathname} allows ${match.allow.join(", ")}, not ${method}`), { allow: match.allow.join(", ") });
    }
    const ctx = contextOf(match.target);
    trace.target = match.target;
    const { operation, contract } = match.target;
    const headers = request.headers;
    const cookies = parseCookieHeader(single(headers.cookie));
    const challenges = missingCredentials(contract, operation, { headers, queryText, cookies });
    if (challenges) {
      const stubbed = stubFor(request, []);
      if (stubbed) return stubbed;
      const p = problem("unauthorized", `${operation.operationId} needs credentials: ${challenges.join("; ")}`);
      return errorResponse(ctx, p, headers.accept as string | undefined, { "www-authenticate": challenges.join(", ") });
    }
    const pathParams = reencode(match.pathParams);
    // --no-request-validation: security (step 2) still applies, validation (step 3) does not.
    const verdict = !options.requestValidation ? SKIPPED : await validateRequest(ctx.registry, operation, {
      parts: { pathParams, query: queryText, headers, cookies },
      contentType: single(headers["content-type"]),
      body: request.body,
      maxJsonDepth: options.maxJsonDepth,
    });
    if (verdict.kind === "invalid") trace.violations = verdict.violations;
    const overridden = verdict.kind === "valid" ? extensions?.override(ctx, request, match.pathParams, trace) : undefined; // mocks/ entries
    if (overridden) return overridden;
    const refusal = verdict.kind === "invalid" ? verdict.violations : verdict.kind === "unsupported-media-type" ? [] : undefined;
    const stubbed = stubFor(request, refusal);
    if (stubbed) return stubbed;
    if (verdict.kind === "unsupported-media-type") {
      return problemResponse(problem("unsupported-media-type", `Content-Type ${verdict.contentType} is not one of ${verdict.declared.join(", ")}`));
    }
    if (verdict.kind === "invalid") {
      const kind = verdict.status === 422 ? "invalid-body" : "invalid-request";
      const p = problem(kind, `${verdict.violations.length} violation(s) of ${operation.operationId}`, verdict.violations);
      return errorResponse(ctx, p, single(headers.accept));
    }
    const stateful = extensions?.stateful(ctx, request, match.pathParams, trace); // --stateful
    if (stateful) return stateful;
    return answer(ctx, method, request, single(headers.accept), parsePrefer(headers.prefer));
  }

  /**
   * `mock --pact`: a pact interaction matching the request answers instead of the contract. Where the
   * contract refuses the request (`refusal`), only an interaction that answers an error does (the pact
   * describes that bad request), and the contract's violations go into the violations header.
   */
  function stubFor(request: MockRequest, refusal?: Violation[]): MockResponse | undefined {
    const stub = stubs?.answer(request);
    if (stub?.kind !== "matched") return undefined;
    if (refusal === undefined) return stub.response;
    if (stub.response.status < 400) return undefined;
    if (refusal.length > 0) stub.response.headers[VIOLATIONS_HEADER] = violationsHeader(refusal);
    return stub.response;
  }

  function answer(ctx: BuildContext, method: string, request: MockRequest, accept: string | undefined, preferences: ReturnType<typeof parsePrefer>): MockResponse {
    const chosen = chooseResponse(ctx.operation, preferences.code);
    if (!chosen) return noSuchResponse(ctx, preferences.code);
    const dynamic = options.dynamic || preferences.dynamic === true;
    const headOnly = method === "HEAD";
    const build = () =>
      respond(ctx, { status: chosen.status, spec: chosen.spec, accept, preferences, dynamic, requestKey: dynamic ? requestKeyOf(request) : "", headOnly });
    if (dynamic) return build();
    let perOperation = cache.get(ctx.operation);
    if (!perOperation) cache.set(ctx.operation, (perOperation = new Map()));
    const key = `${chosen.status}\u0000${accept ?? ""}\u0000${preferences.example ?? ""}\u0000${headOnly}`;
    let cached = perOperation.get(key);
    if (!cached) {
      cached = build();
      if (perOperation.size < MAX_CACHED_PER_OPERATION) perOperation.set(key, cached);
    }
    return { status: cached.status, headers: { ...cached.headers }, body: cached.body };
  }

  return { contracts, router, handle, registryOf: (contract) => registries.get(contract)! };
}

/**
 * `Prefer: code=418` where the contract documents no 418 (nor 4XX, nor default) is the client's
 * error: 400 naming the documented statuses. An operation with no responses at all is the contract's:
 * 500.
 */
function noSuchResponse(ctx: BuildContext, code: number | undefined): MockResponse {
  const documented = ctx.operation.responses.map((r) => r.status.toLowerCase()).join(", ");
  if (code === undefined) return problemResponse(problem("no-response-defined", `${ctx.operation.operationId} documents no response`));
  const message = `Prefer asks for status ${code}, which ${ctx.operation.operationId} does not document (documented: ${documented})`;
  return problemResponse(problem("invalid-request", message, [{ in: "header", where: "prefer", keyword: "code", message }]));
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** find-my-way hands path parameters decoded; the parameter reader expects them as sent. */
function reencode(params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in params) out[name] = encodeURIComponent(params[name]!);
  return out;
}

function requestKeyOf(request: MockRequest): string {
  const body = request.body && request.body.length > 0 ? request.body.toString("base64") : "";
  return `${request.method} ${request.url} ${body}`;
}

function asError(error: unknown): Error {
  if (error instanceof MockpactError) return error;
  return error instanceof Error ? error : new Error(String(error));
}
