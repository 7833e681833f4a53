/** The pure core's input: what arrived on the socket, already read. */
export interface MockRequest {
  method: string;
  /** Path and query as received, e.g. `/shop/products?limit=2`. */
  url: string;
  /** Header names lower-cased, as node:http gives them. */
  headers: Record<string, string | string[] | undefined>;
  body?: Buffer;
}

/** The pure core's output: the adapter writes it as it is. */
export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body?: Buffer | string;
  /** Milliseconds the adapter waits before writing (an override's `delay`, `--latency`). */
  delayMs?: number;
  /** A broken answer the adapter gives instead (an override's `fault`, `--fault-rate`): see faults.ts. */
  fault?: import("./faults.js").FaultKind;
}
