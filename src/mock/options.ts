import { MockpactError } from "../errors.js";
import { MAX_JSON_DEPTH } from "../http/body.js";
import { resolveStatefulOptions, type ResolvedStatefulOptions, type StatefulMockOptions } from "./options-stateful.js";

/** What a user may set, from the CLI flags one to one, or from code. */
export interface MockOptions extends StatefulMockOptions {
  /** Contract files or folders of them. Default: `contracts`, or none when `pacts` are given. */
  contracts?: string[];
  /** Pact files, folders of them or URLs: each HTTP interaction is served as a stub (`mock --pact`). */
  pacts?: string[];
  port?: number;
  host?: string;
  /** Seed of every fake; the same seed and request give the same bytes. */
  seed?: number;
  /** Fake even where the contract has examples (as `Prefer: dynamic=true` on every request). */
  dynamic?: boolean;
  /** `false` answers requests even when they break the contract (step 3 skipped; demos). Default true. */
  requestValidation?: boolean;
  watch?: boolean;
  cors?: boolean;
  /** Largest request body accepted: bytes, or a size like `1mb`, `512kb`. */
  maxBody?: number | string;
  /** A connection whose request headers have not all arrived after this long is closed (slow clients). Default 10 s. */
  headersTimeoutMs?: number;
  /** A connection whose whole request has not arrived after this long is closed. Default 30 s. */
  requestTimeoutMs?: number;
  allowRemoteRefs?: boolean;
  /** Folder file `$ref`s may read from (default: each contract's own folder). */
  refRoot?: string;
  /** Receives what the server has to say (load warnings, reloads, errors); the CLI prints them. */
  onEvent?: (event: MockEvent) => void;
}

export type MockEvent =
  | { type: "warning"; message: string; file?: string; pointer?: string; line?: number }
  | { type: "reload"; file: string }
  | { type: "reload-failed"; file: string; error: Error };

export interface ResolvedMockOptions extends ResolvedStatefulOptions {
  contracts: string[];
  pacts: string[];
  port: number;
  host: string;
  seed: number;
  dynamic: boolean;
  requestValidation: boolean;
  watch: boolean;
  cors: boolean;
  maxBodyBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  allowRemoteRefs: boolean;
  refRoot: string | undefined;
  /** Deepest JSON nesting a request body may have (checked before parsing). */
  maxJsonDepth: number;
  onEvent: (event: MockEvent) => void;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_MAX_BODY = 1024 * 1024;
/** node:http's own defaults are 60 s and 300 s: a client that never finishes its headers held a socket that long. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export function resolveMockOptions(options: MockOptions = {}): ResolvedMockOptions {
  return {
    contracts: contractsOf(options),
    pacts: options.pacts ?? [],
    port: checkPort(options.port ?? DEFAULT_PORT),
    host: options.host ?? "127.0.0.1",
    seed: checkInteger("seed", options.seed ?? 1),
    dynamic: options.dynamic ?? false,
    requestValidation: options.requestValidation ?? true,
    watch: options.watch ?? false,
    cors: options.cors ?? false,
    maxBodyBytes: parseSize(options.maxBody ?? DEFAULT_MAX_BODY),
    ...timeoutsOf(options),
    allowRemoteRefs: options.allowRemoteRefs ?? false,
    refRoot: options.refRoot,
    maxJsonDepth: MAX_JSON_DEPTH,
    ...resolveStatefulOptions(options),
    onEvent: options.onEvent ?? (() => {}),
  };
}

/** `mock --pact FILE` alone serves the pacts alone: the `contracts` folder default applies without pacts only. */
function contractsOf(options: MockOptions): string[] {
  if (options.contracts && options.contracts.length > 0) return options.contracts;
  return options.pacts && options.pacts.length > 0 ? [] : ["contracts"];
}

/** node:http refuses a headers timeout longer than the request timeout: the request's bounds both. */
function timeoutsOf(options: MockOptions): { headersTimeoutMs: number; requestTimeoutMs: number } {
  const requestTimeoutMs = checkDuration("request-timeout", options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  const headersTimeoutMs = Math.min(checkDuration("headers-timeout", options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS), requestTimeoutMs);
  return { headersTimeoutMs, requestTimeoutMs };
}

function checkDuration(name: string, ms: number): number {
  if (Number.isSafeInteger(ms) && ms > 0) return ms;
  throw invalidOption(name, String(ms), "a positive number of milliseconds");
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

/** `1mb` -> 1048576. Sizes are binary (1kb = 1024 bytes), as in express's body-parser. */
export function parseSize(value: number | string): number {
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return Math.floor(value);
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(String(value));
  const unit = UNITS[(match?.[2] || "b").toLowerCase()];
  if (!match || unit === undefined) throw invalidOption("max-body", String(value), "a size such as 1mb, 512kb or 1048576");
  return Math.floor(Number(match[1]) * unit);
}

function checkPort(port: number): number {
  if (Number.isInteger(port) && port >= 0 && port <= 65535) return port;
  throw invalidOption("port", String(port), "an integer from 0 to 65535");
}

function checkInteger(name: string, value: number): number {
  if (Number.isSafeInteger(value)) return value;
  throw invalidOption(name, String(value), "an integer");
}

function invalidOption(name: string, value: string, expected: string): MockpactError {
  return new MockpactError("OPTION_INVALID", `Failed to read option --${name}: "${value}" is not ${expected}`, {
    hint: `Give --${name} ${expected}.`,
  });
}
