import type { Contract, Operation } from "../contract/model.js";
import type { RouteTarget } from "../http/router.js";
import { FixtureWriter } from "./record-fixtures.js";
import { PactWriter } from "./record-pact.js";
import type { RecordedExchange } from "./recording.js";
import type { ResolvedProxyOptions } from "./options.js";

type RecordingOptions = Pick<ResolvedProxyOptions, "record" | "recordPact" | "seed">;

export interface Recorder {
  /** Whether anything is recorded at all: the proxy then reads bodies it would otherwise stream. */
  readonly active: boolean;
  /** Records the exchange unless its operation and status were recorded already in this run. */
  record(exchange: RecordedExchange, target: RouteTarget): void;
  /** Resolves once every write so far is on disk. */
  flush(): Promise<void>;
}

/**
 * `--record` and `--record-pact`: the first passing exchange per (contract, operation, status) is
 * written; later ones of the same key are not, so the same traffic gives the same files. Writes run
 * one after another, off the request path; a failed write is reported, never thrown at a client.
 */
export function createRecorder(
  options: RecordingOptions,
  contracts: () => Contract[],
  onError: (error: Error) => void,
): Recorder {
  const writers: Array<{ write(e: RecordedExchange, contract: Contract, operation: Operation): Promise<void> }> = [];
  if (options.record) writers.push(lazyFixtureWriter(options.record, contracts, options.seed));
  if (options.recordPact)
    writers.push(new PactWriter(options.recordPact.file, options.recordPact.consumer, options.recordPact.provider));
  const seen = new Set<string>();
  let queue: Promise<void> = Promise.resolve();
  return {
    active: writers.length > 0,
    record(exchange, target) {
      const key = `${exchange.contractId}\u0000${exchange.operationId}\u0000${exchange.response.status}`;
      if (writers.length === 0 || seen.has(key)) return;
      seen.add(key);
      for (const writer of writers)
        queue = queue.then(() => writer.write(exchange, target.contract, target.operation)).catch(onError);
    },
    flush: () => queue,
  };
}

/** Folder names depend on every contract loaded: made on first use, after the contracts are. */
function lazyFixtureWriter(
  dir: string,
  contracts: () => Contract[],
  seed: number,
): { write(e: RecordedExchange, c: Contract, o: Operation): Promise<void> } {
  let writer: FixtureWriter | undefined;
  return { write: (e, c, o) => (writer ??= new FixtureWriter(dir, contracts(), seed)).write(e, c, o) };
}
