/**
 * The console's only door to the server: the admin API, by URLs relative to the console page
 * (`<prefix>/`), so the console works under any admin prefix. Answers are normalised here, in one
 * place, into the small shapes the views draw.
 */
export interface Finding {
  /** `query`, `body`, `header`, ...: which part of the request. */
  in?: string;
  /** A parameter name or a JSON pointer into the body. */
  where?: string;
  keyword?: string;
  message: string;
}

export interface ResponseSummary {
  status: string;
  hasExample: boolean;
}

export interface ConsoleOperation {
  contract: string;
  operationId: string;
  method: string;
  /** The path template as served, base path included: `/shop/products/{productId}`. */
  path: string;
  summary?: string;
  responses: ResponseSummary[];
  /** A request built from the contract for "try it": a path with values, headers, a body. */
  sample?: { path?: string; headers?: Record<string, string>; body?: unknown; mediaType?: string };
}

export interface ConsoleContract {
  id: string;
  title: string;
  version?: string;
  operations: ConsoleOperation[];
}

export interface JournalEntry {
  /** The server's running number: higher is newer. */
  seq?: number;
  id: string;
  time?: string;
  method: string;
  url: string;
  operationId?: string;
  status?: number;
  durationMs?: number;
  /** `generated`, `stateful`, `override mocks/x.yaml:3`, `rejected`. */
  answeredBy?: string;
  /** example, fake, override, stub, state, rejected, proxy. */
  source?: string;
  headers: Record<string, string>;
  body?: string;
  /** The full body's bytes, when `body` is its first part only. */
  bodyLength?: number;
  response?: { headers: Record<string, string>; body?: string; bodyLength?: number };
  /** What sets the entry apart: an answer outside the contracts (not validated), a call the mock made itself, why a call failed. */
  notes: string[];
  findings: Finding[];
}

export interface Scenario {
  name: string;
  state: string;
  states: string[];
}

export interface ServerState {
  scenarios: Scenario[];
  /** The stateful store as the server shows it (resources by collection), or undefined when off. */
  store: unknown;
}

type Json = Record<string, unknown>;

/**
 * With `--admin-token`, the console is opened as `<prefix>/#token=...`: the fragment never reaches a
 * server or a log, and the token goes only into this header.
 */
function credentials(): Record<string, string> {
  const token = new URLSearchParams(window.location.hash.slice(1)).get("token");
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function getJson(path: string): Promise<unknown> {
  const response = await fetch(path, { headers: { accept: "application/json", ...credentials() }, cache: "no-store" });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return response.json();
}

async function send(method: string, path: string, body?: unknown): Promise<void> {
  // Every state change says JSON, body or not: the admin API refuses one that does not (CSRF).
  const init: RequestInit = { method, headers: { "content-type": "application/json", ...credentials() } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(path, init);
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
}

export async function fetchContracts(): Promise<ConsoleContract[]> {
  return listOf(await getJson("contracts"), "contracts").map(toContract);
}

/** The newest `limit` requests, and how many the server has seen in all (its journal is bounded too). */
export async function fetchJournal(
  limit: number,
): Promise<{ entries: JournalEntry[]; total: number; stateRevision?: number }> {
  const raw = await getJson(`requests?limit=${limit}`);
  const entries = listOf(raw, "requests").map(toJournalEntry);
  const { total, stateRevision } = (raw as Json | null) ?? {};
  return {
    entries,
    total: typeof total === "number" ? total : entries.length,
    stateRevision: typeof stateRevision === "number" ? stateRevision : undefined,
  };
}

export interface OverrideSummary {
  id: string;
  source: string;
  operation: string;
  status: string;
  name?: string;
}

/** `GET mocks`: every override in the order it is tried, runtime ones first. */
export async function fetchOverrides(): Promise<OverrideSummary[]> {
  return listOf(await getJson("mocks"), "mocks").map((o) => ({
    id: text(o.id) ?? "?",
    source: text(o.source) ?? "",
    operation: text(o.operation) ?? "",
    status: text(o.status) ?? "",
    name: text(o.name),
  }));
}

export async function fetchState(): Promise<ServerState> {
  return toServerState(await getJson("state"));
}

export const clearJournal = () => send("DELETE", "requests");
export const resetServer = () => send("POST", "reset");
export const setScenario = (name: string, state: string) =>
  send("PUT", `scenarios/${encodeURIComponent(name)}`, { state });

function listOf(value: unknown, key: string): Json[] {
  const list = Array.isArray(value) ? value : (value as Json | null)?.[key];
  return Array.isArray(list) ? list.filter((item): item is Json => typeof item === "object" && item !== null) : [];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

function toContract(raw: Json): ConsoleContract {
  const id = text(raw.id) ?? text(raw.file) ?? "contract";
  const operations = listOf(raw.operations ?? raw.routes, "operations").map((op) => toOperation(op, id));
  return { id, title: text(raw.title) ?? id, version: text(raw.version), operations };
}

function toOperation(raw: Json, contract: string): ConsoleOperation {
  const method = (text(raw.method) ?? "GET").toUpperCase();
  const path = text(raw.path) ?? text(raw.url) ?? "/";
  const sample =
    typeof raw.sample === "object" && raw.sample !== null ? (raw.sample as ConsoleOperation["sample"]) : undefined;
  return {
    contract,
    operationId: text(raw.operationId) ?? `${method} ${path}`,
    method,
    path,
    summary: text(raw.summary),
    responses: toResponses(raw.responses),
    sample,
  };
}

/** Responses as a list of `{ status, hasExample }` or a map of status to `{ hasExample }`. */
function toResponses(raw: unknown): ResponseSummary[] {
  const entries: Array<[string, unknown]> = Array.isArray(raw)
    ? raw.map((r) => [text((r as Json)?.status) ?? "?", r])
    : Object.entries((raw as Json | null) ?? {});
  return entries.map(([status, r]) => ({
    status,
    hasExample: Boolean((r as Json | null)?.hasExample ?? (r as Json | null)?.examples),
  }));
}

function toJournalEntry(raw: Json, index: number): JournalEntry {
  const request = (raw.request as Json | undefined) ?? raw;
  const response = (raw.response as Json | undefined) ?? raw;
  const findings = listOf(raw.findings ?? raw.violations, "violations").map(toFinding);
  return {
    seq: typeof raw.seq === "number" ? raw.seq : undefined,
    id: text(raw.seq) ?? text(raw.id) ?? String(index),
    time: text(raw.time) ?? text(raw.timestamp) ?? text(raw.at),
    method: (text(request.method) ?? "?").toUpperCase(),
    url: text(request.url) ?? text(request.path) ?? "",
    operationId: text(raw.operationId) ?? text((raw.operation as Json | undefined)?.operationId) ?? text(raw.operation),
    status: Number(response.status ?? raw.status) || undefined,
    durationMs: typeof raw.durationMs === "number" ? raw.durationMs : undefined,
    answeredBy: text(raw.answeredBy),
    source: text(raw.source),
    headers: stringMap(raw.headers),
    body: text(raw.body),
    bodyLength: typeof raw.bodyLength === "number" ? raw.bodyLength : undefined,
    response: raw.response && typeof raw.response === "object" ? toResponse(raw.response as Json) : undefined,
    notes: notesOf(raw),
    findings,
  };
}

function toResponse(raw: Json): NonNullable<JournalEntry["response"]> {
  return {
    headers: stringMap(raw.headers),
    body: text(raw.body),
    bodyLength: typeof raw.bodyLength === "number" ? raw.bodyLength : undefined,
  };
}

/** Header values as text: a repeated header's values joined as HTTP joins them. */
function stringMap(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries((raw as Json | null) ?? {})) {
    if (value !== undefined && value !== null) out[name] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return out;
}

function notesOf(raw: Json): string[] {
  const notes: string[] = [];
  if (raw.outsideContract === true) notes.push("outside the contract: not validated");
  const outgoing = raw.outgoing as Json | undefined;
  if (outgoing)
    notes.push(
      `outgoing ${text(outgoing.kind) ?? "call"} ${text(outgoing.name) ?? ""}${outgoing.trigger !== undefined ? ` (after #${text(outgoing.trigger)})` : ""}`,
    );
  const error = text(raw.error);
  if (error) notes.push(error);
  return notes;
}

function toFinding(raw: Json): Finding {
  return {
    in: text(raw.in),
    where: text(raw.where) ?? text(raw.path),
    keyword: text(raw.keyword),
    message: text(raw.message) ?? JSON.stringify(raw),
  };
}

function toServerState(raw: unknown): ServerState {
  const state = (raw as Json | null) ?? {};
  const scenariosRaw = state.scenarios;
  const scenarios: Scenario[] = Array.isArray(scenariosRaw)
    ? scenariosRaw.map((s: Json) => ({
        name: text(s.name) ?? "?",
        state: text(s.state) ?? "",
        states: (s.states as string[] | undefined) ?? [],
      }))
    : Object.entries((scenariosRaw as Json | undefined) ?? {}).map(([name, s]) => ({
        name,
        state: text(s) ?? text((s as Json)?.state) ?? "",
        states: ((s as Json)?.states as string[] | undefined) ?? [],
      }));
  // `stateful: false` means no store at all, which reads differently from an empty one.
  return { scenarios, store: state.stateful === false ? undefined : (state.resources ?? state.store) };
}
