import { performance } from "node:perf_hooks";
import { loadContracts } from "../contract/index.js";
import { compileContracts } from "../http/engine.js";
import type { PactFile } from "../pact/pact-file.js";
import { readHttpInteractions } from "../pact/read-interactions.js";
import { readPactSources } from "../pact/sources.js";
import { redactDeep, redactHeaders, secretsOf } from "../redact.js";
import { buildReport, type Report, type Suite } from "../report/model.js";
import { loadMessageContracts } from "../pact/message-contracts.js";
import { recordsOf } from "./interaction-records.js";
import { messageFindings } from "./message-findings.js";
import { resolveVerifyOptions, type ResolvedVerifyOptions, type VerifyOptions } from "./options.js";
import { runInteractions } from "./pact-output.js";
import { startVerifyProxy } from "./proxy.js";
import { assertBrokerReachable, assertReachable, brokerError } from "./reachable.js";
import { RunLog } from "./run-log.js";
import { runPactVerifier, type PactRunSource } from "./run-verifier.js";
import { startStateEndpoint } from "./state-endpoint.js";
import { createStateRunner, loadStatesFile } from "./states.js";
import { brokerSuites, pactSuite, type RunView } from "./suites.js";
import { startVerifierHost } from "./verifier-host.js";

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
  const contracts = resolved.contracts.length > 0 ? await loadContracts(resolved.contracts, { allowRemoteRefs: resolved.allowRemoteRefs, refRoot: resolved.refRoot }) : [];
  const pacts = await readPactSources(resolved.pacts, { token: resolved.brokerToken, timeoutMs: resolved.timeoutMs });
  // An HTTP interaction without a request or response is refused here, naming it, before anything runs.
  for (const pact of pacts) readHttpInteractions(pact.document, pact.source, pact.specVersion);
  const states = typeof resolved.states === "string" ? await loadStatesFile(resolved.states) : resolved.states;
  await assertReachable(resolved.providerBaseUrl, resolved.timeoutMs);
  if (resolved.broker) await assertBrokerReachable(resolved.broker.url, resolved.brokerToken, resolved.timeoutMs);
  const engine = contracts.length > 0 ? compileContracts(contracts) : undefined;
  const messageContracts = await loadMessageContracts(
    { asyncapi: resolved.asyncapi, choices: resolved.messageSchemas, refRoot: resolved.refRoot, allowRemoteRefs: resolved.allowRemoteRefs },
    contracts.map((contract) => ({ contract, registry: engine!.registryOf(contract) })),
  );
  let log = new RunLog();
  const overhead: number[] = [];
  const proxy = await startVerifyProxy(resolved.providerBaseUrl, engine, resolved.timeoutMs, (exchange) => {
    log.exchange(exchange);
    overhead.push(exchange.durationMs - (exchange.upstreamMs ?? exchange.durationMs));
  });
  const stateEndpoint = await startStateEndpoint(createStateRunner({ statesUrl: resolved.statesUrl, states }, resolved.timeoutMs));
  const host = startVerifierHost(resolved.onPactOutput ?? (() => {}));
  const suites: Suite[] = [];
  const warnings: string[] = [];
  try {
    const run = async (source: PactRunSource, consumer: string | undefined): Promise<RunView> => {
      log = new RunLog();
      stateEndpoint.use(log, consumer);
      const output = await runPactVerifier(host, source, { proxyUrl: proxy.url, stateUrl: stateEndpoint.url }, resolved);
      const interactions = runInteractions(output, resolved.provider ?? pactsProvider(pacts));
      const records = recordsOf(log.events, interactions);
      return { output, interactions, records, extraFindings: messageFindings(messageContracts, interactions, records) };
    };
    for (const pact of pacts) {
      if (pact.interactions.length === 0) {
        warnings.push(`${pact.source}: the pact has no interactions; nothing of it was verified`);
        continue;
      }
      suites.push(pactSuite(pact, await run({ kind: "pact", url: pact.source }, pact.consumer)));
    }
    if (resolved.broker) {
      const view = await run({ kind: "broker" }, undefined);
      if (view.output.interactions.length === 0 && view.output.unattributed.length > 0) throw brokerError(resolved.broker.url, view.output.unattributed[0]!.findings[0]?.message ?? "Pact could not load its pacts");
      suites.push(...brokerSuites(view, resolved.provider!, resolved.broker.url));
    }
  } finally {
    host.close();
    await proxy.close();
    await stateEndpoint.close();
  }
  const report = buildReport(`mockpact verify ${resolved.provider ?? pactsProvider(pacts) ?? ""}`.trim(), suites, performance.now() - started);
  // Pact's own messages name the URL it called, which is the proxy's: users know the provider's.
  const named = replaceDeep(report, proxy.url, resolved.providerBaseUrl);
  return redactDeep(describeRun(named, resolved, pacts, overhead, warnings), secretsOf(resolved.brokerToken, resolved.headers));
}

function describeRun(report: Report, resolved: ResolvedVerifyOptions, pacts: PactFile[], overhead: number[], warnings: string[]): VerifyResult {
  const nothing = report.summary.cases === 0;
  if (nothing) warnings.push(resolved.failIfNoPactsFound ? "no interaction was verified: the run fails (--no-fail-if-no-pacts-found lets it pass)" : "no interaction was verified");
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
