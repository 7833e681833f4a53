import type { Contract } from "../contract/model.js";
import { withChaos } from "./chaos.js";
import type { MockCore } from "./core.js";
import type { AnswerHooks, MaybeAnswer, RequestTrace } from "./hooks.js";
import type { ResolvedMockOptions } from "./options.js";
import type { BuildContext } from "./build.js";
import { holds } from "./matchers/conditions.js";
import {
  checkOverrides,
  compileOverrides,
  firstMatch,
  sequenceStep,
  matchOutside,
  overrideResponse,
  scenariosOf,
  type MocksText,
  type Override,
  type OverrideSet,
} from "./overrides/index.js";
import { SchemaRegistry } from "../schema/registry.js";
import { splitUrl } from "../http/url.js";
import { RequestView } from "./request-view.js";
import type { LiveState } from "./live-state.js";
import {
  fixtureBuckets,
  inferResources,
  NO_RESOURCES,
  statefulAnswer,
  type FixtureValue,
  type ResourceIndex,
} from "./state/index.js";
import type { HttpRequest, HttpResponse } from "../http/types.js";
import type { JournalRecord } from "./journal.js";
import { exchangeOf } from "./exchange.js";
import type { ContractEngine } from "../http/engine.js";
import { answeredOf, firesCallbacks } from "./outgoing/answered.js";
import { NEAR_MISS_HEADER, nearMissHeader, nearMissOf } from "./overrides/near-miss.js";

/** The mocks files and resources of one load: replaced whole by a reload, or kept when it fails. */
export interface AnswerSources {
  mockFiles: string[];
  overrides: OverrideSet;
  resources: ResourceIndex;
  /** Settles once the fixtures are in the store: at once in memory; a Redis store is written to. */
  seeded: Promise<void>;
}

/** What answers beyond the contracts, as read from files (load.ts) or carried in a bundle. */
export interface AnswerFiles {
  mocks: MocksText[];
  /** The 2xx fixtures that seed the stateful store (`--fixtures`), when given. */
  fixtures?: FixtureValue[];
}

/**
 * Compiles the mocks files and infers resources for `contracts`, then makes the core with the hooks.
 * Anything wrong throws before the runtime is touched, so a failed reload leaves the last good
 * overrides, scenarios and store in force.
 */
export function loadAnswerSources(
  contracts: Contract[],
  files: AnswerFiles,
  options: ResolvedMockOptions,
  runtime: LiveState,
  create: (hooks: AnswerHooks) => MockCore,
): { core: MockCore; sources: AnswerSources } {
  const overrides = compileOverrides(files.mocks, contracts);
  const resources = options.stateful ? inferResources(contracts) : NO_RESOURCES;
  const sources: AnswerSources = { mockFiles: overrides.files, overrides, resources, seeded: Promise.resolve() };
  // The hooks run at request time, once the core exists: the callbacks read its registries and router.
  const core: MockCore = create(createAnswerHooks(options, runtime, sources, () => core.engine));
  const registryOf = (contract: Contract) => core.engine.registryOf(contract);
  const fixtures =
    options.stateful && files.fixtures
      ? fixtureBuckets(files.fixtures, resources, (r) => registryOf(r.contract))
      : undefined;
  for (const warning of checkOverrides(overrides.all, (o) => registryOf(o.contract), options.seed)) {
    options.onEvent({ type: "warning", message: warning.message, file: warning.file, line: warning.line });
  }
  for (const dropped of runtime.overrides.rebind({ contracts, registryOf, seed: options.seed })) {
    options.onEvent({
      type: "warning",
      message: `dropped a runtime override that no longer fits the contracts: ${dropped.message}`,
      ...dropped.place,
    });
  }
  registerScenarios(runtime, overrides);
  if (fixtures) sources.seeded = runtime.store.setInitial(fixtures);
  return { core, sources };
}

/** The scenarios the mocks files and the runtime overrides mention, so that the admin API can move them. */
export function registerScenarios(runtime: LiveState, files: OverrideSet): void {
  runtime.scenarios.register(scenariosOf([...runtime.overrides.all(), ...files.all]));
}

function createAnswerHooks(
  options: ResolvedMockOptions,
  runtime: LiveState,
  extras: AnswerSources,
  engine: () => ContractEngine,
): AnswerHooks {
  return {
    override(ctx, request, pathParams, trace) {
      const at = { ctx, request, pathParams, trace };
      const files = extras.overrides.byOperation.get(ctx.operation);
      const fromFiles = (): MaybeAnswer => (files ? answerFromOverrides(files, at, options, runtime) : undefined);
      const added = runtime.overrides.of(ctx.operation); // runtime overrides first
      if (!added && !files) return undefined;
      const answered = added ? answerFromOverrides(added, at, options, runtime) : undefined;
      const answer = answered instanceof Promise ? answered.then((a) => a ?? fromFiles()) : (answered ?? fromFiles());
      return onMiss(answer, () => {
        const view = new RequestView(request, ctx.operation, pathParams, options.maxJsonDepth);
        trace.nearMiss = nearMissOf([...(added ?? []), ...(files ?? [])], view, engine().secretNames);
      });
    },
    outside(request, trace) {
      return extras.overrides.outside.length > 0
        ? answerOutside(extras.overrides.outside, request, trace, options, runtime, engine)
        : undefined;
    },
    stateful(ctx, request, pathParams, trace) {
      if (!extras.resources.byOperation.has(ctx.operation)) return undefined;
      const view = new RequestView(request, ctx.operation, pathParams, options.maxJsonDepth);
      return statefulAnswer(ctx, view, extras.resources, runtime.store)?.then((response) => {
        if (response) trace.answeredBy = "stateful";
        return response;
      });
    },
    finish(request, response, trace) {
      const out = trace.preflight ? response : withChaos(withNearMiss(response, trace), options, runtime.random);
      const record = journalRecord(request, out, trace);
      const seq = runtime.journal.record(record);
      options.onAnswer?.(exchangeOf(record, out, trace));
      if (runtime.outgoing && firesCallbacks(out, trace))
        runtime.outgoing.afterAnswer(answeredOf(request, out, trace.target!, seq, engine()));
      return out;
    },
  };
}

/** How often a match in a scenario is tried again when another replica moved the scenario first. */
const MOVE_ATTEMPTS = 3;

/**
 * The answer of the first of `overrides` (all of one operation) that matches the request, moving its
 * scenario on; undefined when none matches. Shared by the mocks files and the MSW handlers' overrides.
 * Where no entry in a scenario matches the request, it is answered at once; else the states are read (from Redis
 * with --store, so a request no scenario entry matches works while Redis is away), and the move is
 * made only from the state the match saw (else it matches again), so two replicas cannot both move
 * one scenario on from one state.
 */
export function answerFromOverrides(
  overrides: Override[],
  at: { ctx: BuildContext; request: HttpRequest; pathParams: Record<string, string>; trace: RequestTrace },
  options: { maxJsonDepth: number },
  runtime: LiveState,
): MaybeAnswer {
  const view = new RequestView(at.request, at.ctx.operation, at.pathParams, options.maxJsonDepth);
  const candidates = overrides.filter((o) => holds(o.when, view));
  if (!candidates.some((o) => o.scenario)) return answerOf(firstMatch(candidates, view), view, at, runtime);
  return answerInScenario(candidates, view, at, runtime);
}

async function answerInScenario(
  overrides: Override[],
  view: RequestView,
  at: Parameters<typeof answerFromOverrides>[1],
  runtime: LiveState,
): Promise<HttpResponse | undefined> {
  for (let attempt = 1; ; attempt++) {
    const states = await runtime.scenarios.snapshot();
    const hit = firstMatch(overrides, view, states);
    const step = hit?.scenario;
    if (!step?.nextState) return answerOf(hit, view, at, runtime);
    if ((await runtime.scenarios.move(step.name, states.state(step.name), step.nextState)) || attempt >= MOVE_ATTEMPTS)
      return answerOf(hit, view, at, runtime);
  }
}

function answerOf(
  hit: Override | undefined,
  view: RequestView,
  at: Parameters<typeof answerFromOverrides>[1],
  runtime: LiveState,
): MaybeAnswer {
  if (!hit) return undefined;
  at.trace.answeredBy = `override ${hit.id}`;
  const env = { ctx: at.ctx, view, random: runtime.random };
  const sequence = hit.sequence;
  if (!sequence) return overrideResponse(hit, env);
  return runtime.store.nextIndex(sequence.key).then((index) => {
    const step = sequenceStep(sequence, index);
    at.trace.step = step.step;
    return overrideResponse(step, env);
  });
}

/** Runs `missed` once the answer is known to be none: near misses cost nothing when an override answers. */
function onMiss(answer: MaybeAnswer, missed: () => void): MaybeAnswer {
  if (!(answer instanceof Promise)) {
    if (!answer) missed();
    return answer;
  }
  return answer.then((a) => {
    if (!a) missed();
    return a;
  });
}

/** The answer with `Mockpact-Near-Miss` when an override came close to answering instead. */
function withNearMiss(response: HttpResponse, trace: RequestTrace): HttpResponse {
  return trace.nearMiss
    ? { ...response, headers: { ...response.headers, [NEAR_MISS_HEADER]: nearMissHeader(trace.nearMiss) } }
    : response;
}

/** Does a mocks entry outside the contracts name this request's method and path (whatever its `when`)? */
export function coversOutsideRoute(sources: AnswerSources, request: Pick<HttpRequest, "method" | "url">): boolean {
  const { pathname } = splitUrl(request.url);
  return sources.overrides.outside.some((o) => matchOutside(o.outside!, request.method, pathname) !== undefined);
}

/** The overrides of the first route outside the contracts that the request's method and path fit, if one of them matches. */
function answerOutside(
  outside: Override[],
  request: HttpRequest,
  trace: RequestTrace,
  options: ResolvedMockOptions,
  runtime: LiveState,
  engine: () => ContractEngine,
): MaybeAnswer {
  const { pathname } = splitUrl(request.url);
  for (const override of outside) {
    const pathParams = matchOutside(override.outside!, request.method, pathname);
    if (!pathParams) continue;
    const sameRoute = outside.filter(
      (o) => o.contract === override.contract && o.operation.operationId === override.operation.operationId,
    );
    const ctx: BuildContext = {
      contract: override.contract,
      operation: override.operation,
      registry: registryOf(override.contract),
      seed: options.seed,
    };
    const answer = answerFromOverrides(sameRoute, { ctx, request, pathParams, trace }, options, runtime);
    const marked = (response: HttpResponse | undefined) => {
      if (response) trace.outsideContract = true;
      return response;
    };
    const missed = () =>
      void (trace.nearMiss = nearMissOf(
        sameRoute,
        new RequestView(request, override.operation, pathParams, options.maxJsonDepth),
        engine().secretNames,
      ));
    return onMiss(answer instanceof Promise ? answer.then(marked) : marked(answer), missed);
  }
  return undefined;
}

/** The stand-in contracts of outside routes have no schemas; their registry is made once, on first use. */
const outsideRegistries = new WeakMap<Contract, SchemaRegistry>();
function registryOf(contract: Contract): SchemaRegistry {
  let registry = outsideRegistries.get(contract);
  if (!registry) outsideRegistries.set(contract, (registry = new SchemaRegistry(contract)));
  return registry;
}

function journalRecord(request: HttpRequest, response: HttpResponse, trace: RequestTrace): JournalRecord {
  const answeredBy = trace.answeredBy ?? (!trace.target || trace.violations ? "rejected" : "generated");
  const record: JournalRecord = {
    time: Date.now(),
    request,
    target: trace.target,
    status: response.status,
    answeredBy,
    findings: trace.violations ?? [],
    response,
  };
  if (trace.builtFrom) record.builtFrom = trace.builtFrom;
  if (trace.outsideContract) record.outsideContract = true;
  if (trace.step !== undefined) record.step = trace.step;
  if (trace.nearMiss) record.nearMiss = trace.nearMiss;
  if (trace.closest) record.closest = trace.closest;
  if (response.delayMs !== undefined) record.delayMs = response.delayMs;
  if (response.fault) record.fault = response.fault;
  return record;
}
