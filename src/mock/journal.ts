import type { FaultKind, HttpRequest, HttpResponse } from "../http/types.js";
import type { RouteTarget } from "../http/router.js";
import type { SecretNames } from "../redact.js";
import type { Violation } from "../schema/violation.js";
import { boundedRecord, bodyCap } from "./journal-bounds.js";
import { formatRecord } from "./journal-format.js";
import type { NearMiss } from "./overrides/near-miss.js";

/** One request as `GET /__mockpact/requests` shows it: formatted and redacted when read. */
export interface JournalEntry {
  /** 1, 2, 3...: counts every request since start, also those the bound has dropped. */
  seq: number;
  time: string;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The body as text, cut at the journal's body cap (journal-bounds.ts) so its memory stays bounded. */
  body?: string;
  /** Set when `body` is the first bytes of a longer body: the full body's length in bytes. */
  bodyLength?: number;
  /** The operation the request was routed to; absent for a 404 or 405. */
  operation?: { contract: string; operationId: string; method: string; path: string };
  status: number;
  /** The answer's headers (credentials redacted) and body, cut as the request's is; absent for an exchange with no answer kept (the proxy's). */
  response?: { headers: Record<string, string>; body?: string; bodyLength?: number };
  /** Who answered, as the request log names it: example, fake, override, stub, state, rejected; `proxy` for the proxy's. */
  source?: string;
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
  /** What the generated answer's body came from, for the entry's `source`. */
  builtFrom?: "example" | "fake";
  /** The answer itself, by reference: formatted only when someone reads the journal. */
  response?: HttpResponse;
  /** Set when the response body kept is the first bytes of a longer one: its full length. */
  responseBodyLength?: number;
  outgoing?: OutgoingMark;
  outsideContract?: true;
  step?: number;
  nearMiss?: NearMiss;
  closest?: string[];
}

/**
 * The most requests `--journal-size` may keep (10^8 asked for 8 GB and two minutes to clear). The
 * bodies kept stay within a budget whatever the size (journal-bounds.ts).
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

/**
 * The last `size` requests in a ring: memory stays flat under load however many requests arrive
 * (a long body is cut to its first bytes when recorded, so the ring never pins a large buffer).
 */
export class Journal implements JournalStore {
  private readonly slots: Array<(JournalRecord & { seq: number }) | undefined>;
  private readonly cap: number;
  private next = 0;
  private recorded = 0;

  constructor(readonly size: number) {
    this.slots = new Array(size);
    this.cap = bodyCap(size);
  }

  /** Records the request and returns its `seq`. */
  record(record: JournalRecord): number {
    this.recorded++;
    if (this.size === 0) return this.recorded;
    this.slots[this.next] = { seq: this.recorded, ...boundedRecord(record, this.cap) };
    this.next = (this.next + 1) % this.size;
    return this.recorded;
  }

  /**
   * Newest first, at most `limit` (and MAX_JOURNAL_PAGE), only those older than `before` and that
   * `accept` takes, when given.
   * Credentials (pattern names and the contracts' own apiKey names) never leave.
   */
  entries(
    limit = this.size,
    secretNames?: SecretNames,
    before = Infinity,
    accept?: (record: JournalRecord & { seq: number }) => boolean,
  ): JournalEntry[] {
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
