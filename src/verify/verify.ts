import { performance } from "node:perf_hooks";
import { loadContracts } from "../contract/index.js";
import { compileContracts } from "../http/engine.js";
import type { PactFile } from "../pact/pact-file.js";
import { readHttpInteractions } from "../pact/read-interactions.js";
import { readPactSources } from "../pact/sources.js";
import { redactDeep, redactHeaders, secretsOf } from "../redact.js";
import { buildReport, type Report, type Suite } from "../report/model.js";
import { loadMessageContracts } from "../pact/message-contracts.js";
import { coreTrust } from "./core-trust.js";
import { resolveVerifyOptions, type ResolvedVerifyOptions, type VerifyOptions } from "./options.js";
import { assertBrokerReachable, assertReachable, brokerError } from "./reachable.js";
import { mergeViews, planRuns, writeShards, type PlannedRun } from "./run-plan.js";
import { createStateRunner, loadStatesFile } from "./states.js";
import { brokerSuites, pactSuite, type RunView } from "./suites.js";
import { startVerifierWorker, type VerifierWorker } from "./verifier-worker.js";

/** The result of `verifyProvider`: the generic report plus what was verified, credentials redacted. */
export interface VerifyResult extends Report {
  provider?: string;
  providerBaseUrl: string;
  contracts: string[];
  pacts: string[];
  broker?: string;
  /** Pact's results were published to the broker (Pact's verdict only: the broker knows no schema checks). */
  published: boolean;
  headers: Record<string, string>;
  /** What the run could not do as asked, short of failing it: a pact with no interactions, nothing verified at all. */
  warnings: string[];
  /** Per interaction, the time the validating proxy spent (ms): measured, for the bench and --json. */
  proxyOverheadMs: number[];
}

/**
 * Verifies a running provider against consumer pacts with Pact's own verifier, through mockpact's
 * validating proxy, so that each interaction is judged twice: by the pact, and by the provider's
 * OpenAPI contract. Set-up problems throw a MockpactError; findings are in the result.
 */
export async function verifyProvider(options: VerifyOptions): Promise<VerifyResult> {
  const started = performance.now();
  const resolved = resolveVerifyOptions(options);
  const contracts =
    resolved.contracts.length > 0
      ? await loadContracts(resolved.contracts, {
          allowRemoteRefs: resolved.allowRemoteRefs,
          refRoot: resolved.refRoot,
        })
      : [];
  const pacts = await readPactSources(resolved.pacts, { token: resolved.brokerToken, timeoutMs: resolved.timeoutMs });
  // An HTTP interaction without a request or response is refused here, naming it, before anything runs.
  for (const pact of pacts) readHttpInteractions(pact.document, pact.source, pact.specVersion);
  const states = typeof resolved.states === "string" ? await loadStatesFile(resolved.states) : resolved.states;
  await assertReachable(resolved.providerBaseUrl, resolved.timeoutMs);
  if (resolved.broker) await assertBrokerReachable(resolved.broker.url, resolved.brokerToken, resolved.timeoutMs);
  const engine = contracts.length > 0 ? compileContracts(contracts) : undefined;
  const messageContracts = await loadMessageContracts(
    {
      asyncapi: resolved.asyncapi,
      choices: resolved.messageSchemas,
      refRoot: resolved.refRoot,
      allowRemoteRefs: resolved.allowRemoteRefs,
    },
    contracts.map((contract) => ({ contract, registry: engine!.registryOf(contract) })),
  );
  const context = {
    resolved,
    engine,
    messageContracts,
    stateRunner: createStateRunner({ statesUrl: resolved.statesUrl, states }, resolved.timeoutMs),
    trust: coreTrust(pacts, resolved),
    provider: pactsProvider(pacts),
  };
  const plan = planRuns(pacts, resolved, resolved.parallel);
  const shards = await writeShards(plan, pacts);
  const workers = await Promise.all(
    Array.from({ length: Math.max(1, Math.min(resolved.parallel, plan.length)) }, () => startVerifierWorker(context)),
  );
  const warnings = pacts
    .filter((pact) => pact.interactions.length === 0)
    .map((pact) => `${pact.source}: the pact has no interactions; nothing of it was verified`);
  const suites: Suite[] = [];
  try {
    const views = await runPlan(plan, workers);
    pacts.forEach((pact, index) => {
      const mine = views.filter((_, n) => plan[n]!.pact === index);
      if (mine.length > 0) suites.push(pactSuite(pact, mergeViews(mine)));
    });
    const broker = views.find((_, n) => plan[n]!.source.kind === "broker");
    if (resolved.broker && broker) {
      if (broker.output.interactions.length === 0 && broker.output.unattributed.length > 0)
        throw brokerError(
          resolved.broker.url,
          broker.output.unattributed[0]!.findings[0]?.message ?? "Pact could not load its pacts",
        );
      suites.push(...brokerSuites(broker, resolved.provider!, resolved.broker.url));
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.close()));
    await shards.remove();
  }
  const overhead = workers.flatMap((worker) => worker.overheadMs);
  const report = buildReport(
    `mockpact verify ${resolved.provider ?? pactsProvider(pacts) ?? ""}`.trim(),
    suites,
    performance.now() - started,
  );
  // Pact's messages name the URL it called (the proxy's) and a shard's file: users know the provider's and the pact's.
  const renames = [
    ...workers.map((worker): [string, string] => [worker.proxyUrl, resolved.providerBaseUrl]),
    ...shards.shardFiles,
  ];
  const named = renames.reduce((named, [from, to]) => replaceDeep(named, from, to), report);
  return redactDeep(
    describeRun(named, resolved, pacts, overhead, warnings),
    secretsOf(resolved.brokerToken, resolved.headers),
  );
}

/**
 * Runs the plan on the workers: each takes the next run as soon as it is free. The views come back
 * in the plan's order. A run that fails to run at all stops the others from taking more.
 */
async function runPlan(plan: PlannedRun[], workers: VerifierWorker[]): Promise<RunView[]> {
  const views: RunView[] = new Array(plan.length);
  let next = 0;
  let failed = false;
  await Promise.all(
    workers.map(async (worker) => {
      while (!failed && next < plan.length) {
        const at = next++;
        try {
          views[at] = await worker.run(plan[at]!);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    }),
  );
  return views;
}

function describeRun(
  report: Report,
  resolved: ResolvedVerifyOptions,
  pacts: PactFile[],
  overhead: number[],
  warnings: string[],
): VerifyResult {
  const nothing = report.summary.cases === 0;
  if (nothing)
    warnings.push(
      resolved.failIfNoPactsFound
        ? "no interaction was verified: the run fails (--no-fail-if-no-pacts-found lets it pass)"
        : "no interaction was verified",
    );
  return {
    ...report,
    ok: report.ok && !(nothing && resolved.failIfNoPactsFound),
    provider: resolved.provider ?? pactsProvider(pacts),
    providerBaseUrl: resolved.providerBaseUrl,
    contracts: resolved.contracts,
    pacts: pacts.map((p) => p.source),
    ...(resolved.broker ? { broker: resolved.broker.url } : {}),
    published: resolved.publish !== undefined,
    headers: redactHeaders(resolved.headers),
    warnings,
    proxyOverheadMs: overhead.map((ms) => Math.round(ms * 1000) / 1000),
  };
}

function replaceDeep<T>(value: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(value).split(from).join(to)) as T;
}

function pactsProvider(pacts: PactFile[]): string | undefined {
  return pacts[0]?.provider;
}
