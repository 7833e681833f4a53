import { performance } from "node:perf_hooks";
import type { RequestHandler } from "express";
import { loadContracts } from "../contract/index.js";
import { compileContracts } from "../http/engine.js";
import { buildReport, type Report, type Suite } from "../report/model.js";
import { resolveVerifyOptions, type ResolvedVerifyOptions, type VerifyOptions } from "./options.js";
import type { PactFile } from "../pact/pact-file.js";
import { assertReachable } from "./reachable.js";
import { redactDeep, redactHeaders, secretsOf } from "../redact.js";
import { runPactVerifier, type PactRunSource } from "./run-verifier.js";
import { readPactSources } from "../pact/sources.js";
import { createStateRunner, loadStatesFile } from "./states.js";
import { brokerSuites, pactSuite } from "./suites.js";
import { InteractionTracker, stateChangeFilter } from "./tracker.js";
import { startVerifyProxy } from "./proxy.js";
import { createCutRelay } from "./cut-relay.js";

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
  const states = typeof resolved.states === "string" ? await loadStatesFile(resolved.states) : resolved.states;
  const runState = createStateRunner({ statesUrl: resolved.statesUrl, states }, resolved.timeoutMs);
  await assertReachable(resolved.providerBaseUrl, resolved.timeoutMs);
  let tracker = new InteractionTracker();
  const overhead: number[] = [];
  const engine = contracts.length > 0 ? compileContracts(contracts) : undefined;
  const relay = createCutRelay();
  const proxy = await startVerifyProxy(resolved.providerBaseUrl, engine, resolved.timeoutMs, (exchange) => {
    tracker.exchange(exchange);
    overhead.push(exchange.durationMs - (exchange.upstreamMs ?? exchange.durationMs));
  }, relay);
  const suites: Suite[] = [];
  try {
    const run = async (source: PactRunSource, consumer: string | undefined) => {
      tracker = new InteractionTracker();
      const states = stateChangeFilter(tracker, runState, consumer);
      const filter: RequestHandler = (req, res, next) => states(req, res, () => relay.tag(req, res, next));
      const output = await runPactVerifier(source, proxy.url, filter, resolved);
      return { output, records: tracker.records };
    };
    for (const pact of pacts) {
      const { output, records } = await run({ kind: "pact", url: pact.source }, pact.consumer);
      suites.push(pactSuite(pact, output, records));
    }
    if (resolved.broker) {
      const { output, records } = await run({ kind: "broker" }, undefined);
      suites.push(...brokerSuites(output, records, resolved.provider!, resolved.broker.url));
    }
  } finally {
    await proxy.close();
  }
  const report = buildReport(`mockpact verify ${resolved.provider ?? pactsProvider(pacts) ?? ""}`.trim(), suites, performance.now() - started);
  // Pact's own messages name the URL it called, which is the proxy's: users know the provider's.
  const named = replaceDeep(report, proxy.url, resolved.providerBaseUrl);
  return redactDeep(describeRun(named, resolved, pacts, overhead), secretsOf(resolved.brokerToken, resolved.headers));
}

function describeRun(report: Report, resolved: ResolvedVerifyOptions, pacts: PactFile[], overhead: number[]): VerifyResult {
  return {
    ...report,
    provider: resolved.provider ?? pactsProvider(pacts),
    providerBaseUrl: resolved.providerBaseUrl,
    contracts: resolved.contracts,
    pacts: pacts.map((p) => p.source),
    ...(resolved.broker ? { broker: resolved.broker.url } : {}),
    published: resolved.publish !== undefined,
    headers: redactHeaders(resolved.headers),
    proxyOverheadMs: overhead.map((ms) => Math.round(ms * 1000) / 1000),
  };
}

function replaceDeep<T>(value: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(value).split(from).join(to)) as T;
}

function pactsProvider(pacts: PactFile[]): string | undefined {
  return pacts[0]?.provider;
}
