/**
 * Broken answers for resilience testing, as WireMock's faults: `reset` destroys the connection (the
 * client sees ECONNRESET), `timeout` never answers (the connection is closed after a bound or when
 * the server closes), `malformed` sends the status and headers with a body that is not valid JSON,
 * `empty` closes the connection without a response.
 */
export const FAULT_KINDS = ["reset", "timeout", "malformed", "empty"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How long a `timeout` fault holds a connection (or, in the MSW handlers, a request) before it fails. */
export const FAULT_TIMEOUT_MS = 30_000;

/** The pure core's input: what arrived on the socket, already read. */
export interface HttpRequest {
  method: string;
  /** Path and query as received, e.g. `/shop/products?limit=2`. */
  url: string;
  /** Header names lower-cased, as node:http gives them. */
  headers: Record<string, string | string[] | undefined>;
  /** The header lines as received (`[name, value, name, value...]`), a repeated header as lines of its own: pact stubs read them. */
  rawHeaders?: string[];
  /** Bytes as read (see bytes.ts): a Node Buffer or any Uint8Array. */
  body?: Uint8Array;
}

/** The pure core's output: the adapter writes it as it is. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body?: Uint8Array | string;
  /**
   * `body` as UTF-8 bytes, where the core keeps an answer it serves again (a static example): an
   * adapter writes these instead of encoding `body` per request. Whoever sets another body leaves it out.
   */
  encodedBody?: Uint8Array;
  /** Milliseconds the adapter waits before writing (an override's `delay`, `--latency`). */
  delayMs?: number;
  /** A broken answer the adapter gives instead (an override's `fault`, `--fault-rate`). */
  fault?: FaultKind;
}
