import type { ContractEngine } from "../http/engine.js";
import type { MessageContracts } from "../pact/message-contracts.js";
import { coreEnvironment, type CoreTrust } from "./core-trust.js";
import { recordsOf } from "./interaction-records.js";
import { messageFindings } from "./message-findings.js";
import type { ResolvedVerifyOptions } from "./options.js";
import { runInteractions } from "./pact-output.js";
import { startVerifyProxy } from "./proxy.js";
import { RunLog } from "./run-log.js";
import { runPactVerifier, type PactRunSource } from "./run-verifier.js";
import { startStateEndpoint } from "./state-endpoint.js";
import type { StateRunner } from "./states.js";
import type { RunView } from "./suites.js";
import { startVerifierHost } from "./verifier-host.js";

/**
 * One run asked of a worker: its source, and the consumer state changes are told of. Every run has
 * the state endpoint, even for pacts without states: the core's (empty) state changes around each
 * interaction are what cut the run's log into interactions.
 */
export interface RunJob {
  source: PactRunSource;
  consumer: string | undefined;
}

/** What every worker of a verification shares: the resolved options, the compiled contracts, the user's states. */
export interface WorkerContext {
  resolved: ResolvedVerifyOptions;
  engine: ContractEngine | undefined;
  messageContracts: MessageContracts;
  stateRunner: StateRunner;
  trust: CoreTrust;
  /** The provider's name as the pacts give it, when the options do not. */
  provider: string | undefined;
}

/**
 * Pact's verifier in a process of its own, with a validating proxy and a state endpoint of its own
 * (each on a port of its own): its runs go one after the other, so what reaches the proxy and the
 * state endpoint during a run belongs to that run, in order. Several workers verify side by side.
 */
export interface VerifierWorker {
  /** The proxy's URL: Pact's messages name it, where users know the provider's. */
  proxyUrl: string;
  /** Per exchange, the time the validating proxy spent (ms). */
  overheadMs: number[];
  run(job: RunJob): Promise<RunView>;
  close(): Promise<void>;
}

export async function startVerifierWorker(context: WorkerContext): Promise<VerifierWorker> {
  const { resolved } = context;
  let log = new RunLog();
  const overheadMs: number[] = [];
  const proxy = await startVerifyProxy(resolved.providerBaseUrl, context.engine, resolved.timeoutMs, (exchange) => {
    log.exchange(exchange);
    overheadMs.push(exchange.durationMs - (exchange.upstreamMs ?? exchange.durationMs));
  });
  const stateEndpoint = await startStateEndpoint(context.stateRunner);
  const host = startVerifierHost(resolved.onPactOutput ?? (() => {}), coreEnvironment(context.trust));
  return {
    proxyUrl: proxy.url,
    overheadMs,
    async run(job) {
      log = new RunLog();
      stateEndpoint.use(log, job.consumer);
      const output = await runPactVerifier(
        host,
        job.source,
        { proxyUrl: proxy.url, stateUrl: stateEndpoint.url },
        resolved,
      );
      const interactions = runInteractions(output, resolved.provider ?? context.provider);
      const records = recordsOf(log.events, interactions);
      return {
        output,
        interactions,
        records,
        extraFindings: messageFindings(context.messageContracts, interactions, records),
      };
    },
    async close() {
      host.close();
      await proxy.close();
      await stateEndpoint.close();
    },
  };
}
