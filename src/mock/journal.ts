import type { Violation } from "../schema/violation.js";
import { redactHeaderValues } from "../secrets.js";
import type { FaultKind } from "./faults.js";

/** One request the mock answered, as `GET /__mockpact/requests` shows it. */
export interface JournalEntry {
  /** 1, 2, 3...: counts every request since start, also those the bound has dropped. */
  seq: number;
  time: string;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The body as text, cut at MAX_BODY_CHARS so the journal's memory stays bounded. */
  body?: string;
  /** The operation the request was routed to; absent for a 404 or 405. */
  operation?: { contract: string; operationId: string; method: string; path: string };
  status: number;
  /** `generated`, `stateful`, `override mocks/shop.yaml:3`, or `rejected` for a 4xx of the mock's own. */
  answeredBy: string;
  /** Every violation request validation found (empty for a valid request). */
  findings: Violation[];
  delayMs?: number;
  fault?: FaultKind;
}

const MAX_BODY_CHARS = 4096;

/**
 * The last `size` requests in a ring: recording costs one slot write, and memory stays flat under
 * load however many requests arrive (request bodies are cut, headers are what node:http parsed).
 */
export class Journal {
  private readonly slots: Array<JournalEntry | undefined>;
  private next = 0;
  private recorded = 0;

  constructor(readonly size: number) {
    this.slots = new Array<JournalEntry | undefined>(size);
  }

  /** Counts the request; builds its entry (`make`) only when there is room to keep it. */
  record(make: () => Omit<JournalEntry, "seq">): void {
    this.recorded++;
    if (this.size === 0) return;
    this.slots[this.next] = { seq: this.recorded, ...make() };
    this.next = (this.next + 1) % this.size;
  }

  /** Newest first, at most `limit`. */
  entries(limit = this.size): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = 1; i <= this.size && out.length < limit; i++) {
      const entry = this.slots[(this.next - i + this.size) % this.size];
      // The admin API and the console show the journal: credentials never leave the process.
      // Redacted when read, not when recorded, to keep the per-request cost off the hot path.
      if (entry) out.push({ ...entry, headers: redactHeaderValues(entry.headers) });
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

export function bodyText(body: Buffer | undefined): string | undefined {
  if (!body || body.length === 0) return undefined;
  const text = body.subarray(0, MAX_BODY_CHARS).toString("utf8");
  return body.length > MAX_BODY_CHARS ? `${text}... (${body.length} bytes)` : text;
}
