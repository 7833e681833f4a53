import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { MockpactError } from "../errors.js";
import { parseDelay, type DelayRange } from "../options/delay.js";
import { FAULT_KINDS, type FaultKind } from "./faults.js";

/** The options of issue 6 (mocks files, state, admin API, journal, chaos), from the CLI flags one to one. */
export interface StatefulMockOptions {
  /** Mocks files or folders of them. Default: a `mocks` folder beside each contract argument, when it exists. */
  mocks?: string[];
  /** Infer resources from the contract's paths and keep what clients POST, PUT, PATCH and DELETE. */
  stateful?: boolean;
  /** With `stateful`: a fixtures folder (the output of `mockpact fixtures`) whose items the store starts with. */
  fixtures?: string;
  /** Serve the admin API (default true; `--no-admin`). */
  admin?: boolean;
  /** Where the admin API is served. Default `/__mockpact`. */
  adminPrefix?: string;
  /** How many requests the journal keeps (default 1000; 0 keeps none). */
  journalSize?: number;
  /** Latency added to every answer: `50-200ms`, `250ms`. Off by default. */
  latency?: string | number;
  /** Share of answers (0 to 1) replaced by a fault. Off (0) by default. */
  faultRate?: number;
  /** The faults `faultRate` draws from. Default: reset, empty, malformed. */
  faults?: FaultKind[];
}

export interface ResolvedStatefulOptions {
  mocks: string[];
  stateful: boolean;
  fixtures: string | undefined;
  admin: boolean;
  adminPrefix: string;
  journalSize: number;
  latency: DelayRange | undefined;
  faultRate: number;
  faults: FaultKind[];
}

export const DEFAULT_ADMIN_PREFIX = "/__mockpact";
export const DEFAULT_JOURNAL_SIZE = 1000;
/** `timeout` is left out by default: a held connection stalls a test run for 30 s per hit. */
const DEFAULT_FAULTS: FaultKind[] = ["reset", "empty", "malformed"];

export function resolveStatefulOptions(options: StatefulMockOptions & { contracts?: string[]; pacts?: string[] }): ResolvedStatefulOptions {
  // The contracts default (`contracts`) applies only without pacts: `mock --pact x` alone discovers no mocks.
  const contracts = options.contracts?.length ? options.contracts : options.pacts?.length ? [] : ["contracts"];
  return {
    mocks: options.mocks && options.mocks.length > 0 ? options.mocks : defaultMocks(contracts),
    stateful: options.stateful ?? false,
    fixtures: options.fixtures,
    admin: options.admin ?? true,
    adminPrefix: checkPrefix(options.adminPrefix ?? DEFAULT_ADMIN_PREFIX),
    journalSize: checkCount("journal-size", options.journalSize ?? DEFAULT_JOURNAL_SIZE),
    latency: options.latency === undefined ? undefined : checkDelay(options.latency),
    faultRate: checkRate(options.faultRate ?? 0),
    faults: checkFaults(options.faults ?? DEFAULT_FAULTS),
  };
}

/**
 * The `mocks` folder beside each contract argument: `contracts` -> `mocks`, `api/shop.yaml` ->
 * `api/mocks`. Only folders that exist; none is not an error, as most projects have no overrides.
 */
function defaultMocks(contracts: string[]): string[] {
  const found = new Set<string>();
  for (const given of contracts) {
    const folder = path.join(path.dirname(given.replace(/[\\/]+$/, "")), "mocks");
    if (existsSync(folder) && statSync(folder).isDirectory()) found.add(folder);
  }
  return [...found];
}

function checkPrefix(prefix: string): string {
  const trimmed = `/${prefix.replace(/^\/+|\/+$/g, "")}`;
  if (trimmed !== "/" && /^\/[A-Za-z0-9._~\-/]+$/.test(trimmed)) return trimmed;
  throw invalidOption("admin-prefix", prefix, "a path such as /__mockpact");
}

function checkCount(name: string, value: number): number {
  if (Number.isSafeInteger(value) && value >= 0) return value;
  throw invalidOption(name, String(value), "an integer of 0 or more");
}

function checkDelay(value: string | number): DelayRange {
  const range = parseDelay(value);
  if (typeof range === "string") throw invalidOption("latency", String(value), "a delay such as 250ms or 50-200ms");
  return range;
}

function checkRate(value: number): number {
  if (typeof value === "number" && value >= 0 && value <= 1) return value;
  throw invalidOption("fault-rate", String(value), "a number from 0 to 1, such as 0.05");
}

function checkFaults(kinds: string[]): FaultKind[] {
  const unknown = kinds.filter((k) => !(FAULT_KINDS as readonly string[]).includes(k));
  if (kinds.length > 0 && unknown.length === 0) return kinds as FaultKind[];
  throw invalidOption("faults", kinds.join(","), `a list of ${FAULT_KINDS.join(", ")}`);
}

function invalidOption(name: string, value: string, expected: string): MockpactError {
  return new MockpactError("OPTION_INVALID", `Failed to read option --${name}: "${value}" is not ${expected}`, { hint: `Give --${name} ${expected}.` });
}
