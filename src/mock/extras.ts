import type { Contract } from "../contract/model.js";
import { withChaos } from "./chaos.js";
import type { MockCore } from "./core.js";
import type { CoreExtensions, RequestTrace } from "./extensions.js";
import { bodyText, type JournalEntry } from "./journal.js";
import type { ResolvedMockOptions } from "./options.js";
import { checkOverrides, firstMatch, loadOverrides, overrideResponse, type OverrideSet } from "./overrides/index.js";
import { RequestView } from "./request-view.js";
import type { MockRuntime } from "./runtime.js";
import { inferResources, loadFixtures, NO_RESOURCES, statefulAnswer, type ResourceIndex } from "./state/index.js";
import type { MockRequest, MockResponse } from "./types.js";

/** The mocks files and resources of one load: replaced whole by a reload, or kept when it fails. */
export interface LoadedExtras {
  mockFiles: string[];
  overrides: OverrideSet;
  resources: ResourceIndex;
}

/**
 * Loads the mocks files and infers resources for `contracts`, then makes the core with the hooks.
 * Anything wrong throws before the runtime is touched, so a failed reload leaves the last good
 * overrides, scenarios and store in force.
 */
export async function loadExtras(contracts: Contract[], options: ResolvedMockOptions, runtime: MockRuntime, create: (extensions: CoreExtensions) => MockCore): Promise<{ core: MockCore; extras: LoadedExtras }> {
  const overrides = await loadOverrides(options.mocks, contracts);
  const resources = options.stateful ? inferResources(contracts) : NO_RESOURCES;
  const extras: LoadedExtras = { mockFiles: overrides.files, overrides, resources };
  const core = create(createExtensions(options, runtime, extras));
  const fixtures = options.stateful && options.fixtures ? await loadFixtures(options.fixtures, resources, (r) => core.registryOf(r.contract)) : undefined;
  for (const warning of checkOverrides(overrides.all, (o) => core.registryOf(o.contract), options.seed)) {
    options.onEvent({ type: "warning", message: warning.message, file: warning.file, line: warning.line });
  }
  runtime.scenarios.register(overrides.scenarios);
  if (fixtures) runtime.store.setInitial(fixtures);
  return { core, extras };
}

function createExtensions(options: ResolvedMockOptions, runtime: MockRuntime, extras: LoadedExtras): CoreExtensions {
  return {
    override(ctx, request, pathParams, trace) {
      const overrides = extras.overrides.byOperation.get(ctx.operation);
      if (!overrides) return undefined;
      const view = new RequestView(request, ctx.operation, pathParams, options.maxJsonDepth);
      const hit = firstMatch(overrides, view, runtime.scenarios);
      if (!hit) return undefined;
      const response = overrideResponse(hit, { ctx, view, random: runtime.random });
      if (hit.scenario?.nextState) runtime.scenarios.set(hit.scenario.name, hit.scenario.nextState);
      trace.answeredBy = `override ${hit.id}`;
      return response;
    },
    stateful(ctx, request, pathParams, trace) {
      if (!extras.resources.byOperation.has(ctx.operation)) return undefined;
      const view = new RequestView(request, ctx.operation, pathParams, options.maxJsonDepth);
      const response = statefulAnswer(ctx, view, extras.resources, runtime.store);
      if (response) trace.answeredBy = "stateful";
      return response;
    },
    finish(request, response, trace) {
      const out = withChaos(response, options, runtime.random);
      runtime.journal.record(() => journalEntry(request, out, trace));
      return out;
    },
  };
}

function journalEntry(request: MockRequest, response: MockResponse, trace: RequestTrace): Omit<JournalEntry, "seq"> {
  const target = trace.target;
  const operation = target && { contract: target.contract.id, operationId: target.operation.operationId, method: target.operation.method.toUpperCase(), path: target.operation.path };
  const answeredBy = trace.answeredBy ?? (!target || trace.violations ? "rejected" : "generated");
  return {
    time: new Date().toISOString(),
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: bodyText(request.body),
    operation,
    status: response.status,
    answeredBy,
    findings: trace.violations ?? [],
    ...(response.delayMs !== undefined ? { delayMs: response.delayMs } : {}),
    ...(response.fault ? { fault: response.fault } : {}),
  };
}
