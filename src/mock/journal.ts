import type { FaultKind, HttpRequest } from "../http/types.js";
import type { RouteTarget } from "../http/router.js";
import { redactBodyText, redactHeaders, redactQuery, type SecretNames } from "../redact.js";
import type { Violation } from "../schema/violation.js";
import { utf8Text } from "../http/bytes.js";
import type { NearMiss } from "./overrides/near-miss.js";

/** One request as `GET /__mockpact/requests` shows it: formatted and redacted when read. */
export interface JournalEntry {
  /** 1, 2, 3...: counts every request since start, also those the bound has dropped. */
  seq: number;
  time: string;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The body as text, cut at MAX_BODY_BYTES so the journal's memory stays bounded. */
  body?: string;
  /** The operation the request was routed to; absent for a 404 or 405. */
  operation?: { contract: string; operationId: string; method: string; path: string };
  status: number;
  /** `generated`, `stateful`, `override mocks/shop.yaml:3`, `upstream`, or `rejected` for a 4xx of the mock's own. */
  answeredBy: string;
  /** Every violation found (empty for a valid request). */
  findings: Violation[];
  delayMs?: number;
  fault?: FaultKind;
  /** The proxy's upstream failed this exchange (unreachable, too slow, or its answer broke off); a callback's target did, or it was refused. */
  error?: string;
  /** Set for a call the mock made itself: a callback of the request numbered `trigger`, or a webhook fired through the admin API. */
  outgoing?: OutgoingMark;
  /** An override of a route outside the contracts answered: the request and the answer were not validated. */
  outsideContract?: true;
  /** The override that answered sends a sequence: the position of the answer sent in its `respond`, from 0. */
  step?: number;
  /** No override answered, but one came close: its id and the first field that differed. */
  nearMiss?: NearMiss;
  /** A request no route matched: the routes near it (`GET /shop/products/{productId}`), as its 404 named them. */
  closest?: string[];
}

export interface OutgoingMark {
  kind: "callback" | "webhook";
  /** The callback's or webhook's name in the contract. */
  name: string;
  /** The `seq` of the request whose answer fired the callback. */
  trigger?: number;
}

/**
 * What is kept per request: references, not text. Recording costs a few field writes on the hot
 * path; dates, copies and redaction happen when someone reads the journal.
 */
export interface JournalRecord {
  time: number;
  request: HttpRequest;
  target?: RouteTarget;
  status: number;
  answeredBy: string;
  findings: Violation[];
  delayMs?: number;
  fault?: FaultKind;
  /** Why the upstream failed: a relayed 200 whose body broke off is no success, whatever its status. */
  error?: string;
  /** Set when the body kept is the first bytes of a longer one: its full length. */
  bodyLength?: number;
  outgoing?: OutgoingMark;
  outsideContract?: true;
  step?: number;
  nearMiss?: NearMiss;
  closest?: string[];
}

const MAX_BODY_BYTES = 4096;

/**
 * The most requests `--journal-size` may keep: each record holds up to 4 KB of body and its headers,
 * so this is about 50 MB at most (10^8 asked for 8 GB and two minutes to clear).
 */
export const MAX_JOURNAL_SIZE = 10_000;

/** The most entries one `GET <prefix>/requests` answers with; older ones are read with `?before=SEQ`. */
export const MAX_JOURNAL_PAGE = 1_000;

/**
 * Where the journal is kept: this process's ring (`Journal`), or a capped Redis stream that replicas
 * share. Recording never waits: a request is not slowed by its own journal entry.
 */
export interface JournalStore {
  readonly size: number;
  /** The entry's `seq`, where it is known at once (memory); a Redis store numbers it as it writes it. */
  record(record: JournalRecord): number | undefined;
  /** Newest first, at most `limit` (and MAX_JOURNAL_PAGE), only those older than `before` when given; redacted. */
  entries(limit?: number, secretNames?: SecretNames, before?: number): JournalEntry[] | Promise<JournalEntry[]>;
  /** How many requests arrived since start (or the last clear), kept or not. */
  readonly total: number | Promise<number>;
  clear(): void | Promise<void>;
}

/** The record with a long body cut to its first bytes, so that what is kept stays bounded. */
export function boundedRecord(record: JournalRecord): JournalRecord {
  const body = record.request.body;
  if (!body || body.length <= MAX_BODY_BYTES) return record;
  return { ...record, request: { ...record.request, body: body.slice(0, MAX_BODY_BYTES) }, bodyLength: body.length };
}

/**
 * The last `size` requests in a ring: memory stays flat under load however many requests arrive
 * (a long body is cut to its first bytes when recorded, so the ring never pins a large buffer).
 */
export class Journal implements JournalStore {
  private readonly slots: Array<(JournalRecord & { seq: number }) | undefined>;
  private next = 0;
  private recorded = 0;

  constructor(readonly size: number) {
    this.slots = new Array(size);
  }

  /** Records the request and returns its `seq`. */
  record(record: JournalRecord): number {
    this.recorded++;
    if (this.size === 0) return this.recorded;
    this.slots[this.next] = { seq: this.recorded, ...boundedRecord(record) };
    this.next = (this.next + 1) % this.size;
    return this.recorded;
  }

  /**
   * Newest first, at most `limit` (and MAX_JOURNAL_PAGE), only those older than `before` and that
   * `accept` takes, when given.
   * Credentials (pattern names and the contracts' own apiKey names) never leave.
   */
  entries(limit = this.size, secretNames?: SecretNames, before = Infinity, accept?: (record: JournalRecord & { seq: number }) => boolean): JournalEntry[] {
    const out: JournalEntry[] = [];
    const wanted = Math.min(limit, MAX_JOURNAL_PAGE);
    for (let i = 1; i <= this.size && out.length < wanted; i++) {
      const record = this.slots[(this.next - i + this.size) % this.size];
      if (record && record.seq < before && (!accept || accept(record))) out.push(formatRecord(record, secretNames));
    }
    return out;
  }

  /** Every record kept, newest first: what the verification API searches (at most `size`). */
  kept(): Array<JournalRecord & { seq: number }> {
    const out: Array<JournalRecord & { seq: number }> = [];
    for (let i = 1; i <= this.size; i++) {
      const record = this.slots[(this.next - i + this.size) % this.size];
      if (record) out.push(record);
    }
    return out;
  }

  /** How many requests arrived since start (or the last clear), kept or not. */
  get total(): number {
    return this.recorded;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.next = 0;
    this.recorded = 0;
  }
}

/** The entry as the admin API shows it: dates, text, and every credential redacted. */
export function formatRecord(record: JournalRecord & { seq: number }, names: SecretNames | undefined): JournalEntry {
  const { request, target } = record;
  const body = bodyText(request.body, record.bodyLength);
  return {
    seq: record.seq,
    time: new Date(record.time).toISOString(),
    method: request.method,
    url: redactQuery(request.url, names),
    headers: redactHeaders(request.headers, names),
    ...(body !== undefined ? { body: redactBodyText(body, names) } : {}),
    ...(target ? { operation: { contract: target.contract.id, operationId: target.operation.operationId, method: target.operation.method.toUpperCase(), path: target.operation.path } } : {}),
    status: record.status,
    answeredBy: record.answeredBy,
    findings: record.findings,
    ...(record.delayMs !== undefined ? { delayMs: record.delayMs } : {}),
    ...(record.fault ? { fault: record.fault } : {}),
    ...(record.error ? { error: record.error } : {}),
    ...(record.outgoing ? { outgoing: record.outgoing } : {}),
    ...(record.outsideContract ? { outsideContract: true as const } : {}),
    ...(record.step !== undefined ? { step: record.step } : {}),
    ...(record.nearMiss ? { nearMiss: record.nearMiss } : {}),
    ...(record.closest ? { closest: record.closest } : {}),
  };
}

function bodyText(body: Uint8Array | undefined, fullLength = body?.length ?? 0): string | undefined {
  if (!body || body.length === 0) return undefined;
  const text = utf8Text(body);
  return fullLength > body.length ? `${text}... (${fullLength} bytes)` : text;
}
