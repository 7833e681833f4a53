import { compilePattern, patternError, type RequestPattern } from "./pattern.js";
import { closestRecords, matchingRecords, type KeptRecord, type SearchContext } from "./search.js";

/** A pattern and how many requests must match it: `times` exactly, or `atLeast`/`atMost` (default: at least 1). */
export interface Expectation extends RequestPattern {
  times?: number;
  atLeast?: number;
  atMost?: number;
}

const COUNTS = ["times", "atLeast", "atMost"] as const;
/** How many near requests a failed verification shows, and how many matching ones when there are too many. */
const SHOWN = 3;

/** Throws an Error that lists the closest requests and how each differs, unless the journal holds the expected count. */
export function verifyRequests(
  { journal, router, operationIds, secretNames }: SearchContext,
  expectation: Expectation,
): void {
  const { min, max, said } = countsOf(expectation);
  const pattern = compilePattern(expectation, operationIds, COUNTS);
  const records = journal.kept();
  const found = matchingRecords(records, pattern.conditions, router);
  if (found.length >= min && found.length <= max) return;
  const lines = [
    `Expected ${said} request(s) matching ${pattern.text}, found ${found.length} (the journal keeps ${records.length} of ${journal.total}).`,
  ];
  if (found.length > max) lines.push("Matching requests:", ...found.slice(0, SHOWN).map((r) => `  ${describe(r)}`));
  else {
    const near = closestRecords(records, pattern.conditions, router, SHOWN, secretNames);
    lines.push(near.length === 0 ? "No request reached the mock." : "Closest requests:");
    for (const n of near) lines.push(`  ${describe(n.record)}`, ...n.differences.map((d) => `    ${d}`));
  }
  throw new Error(lines.join("\n"));
}

function countsOf(expectation: Expectation): { min: number; max: number; said: string } {
  for (const key of COUNTS) {
    const value = expectation[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 0))
      throw patternError(`${key} takes a whole number 0 or more`, [key]);
  }
  const { times, atLeast, atMost } = expectation;
  if (times !== undefined && (atLeast !== undefined || atMost !== undefined))
    throw patternError("give times, or atLeast/atMost, not both", ["times"]);
  if (times !== undefined) return { min: times, max: times, said: `exactly ${times}` };
  const min = atLeast ?? (atMost === undefined ? 1 : 0);
  const max = atMost ?? Infinity;
  return {
    min,
    max,
    said: atMost === undefined ? `at least ${min}` : atLeast === undefined ? `at most ${max}` : `${min} to ${max}`,
  };
}

/** `#3 POST /shop/orders (createOrder) -> 201`. */
export function describe(record: KeptRecord): string {
  const operation = record.target ? ` (${record.target.operation.operationId})` : "";
  return `#${record.seq} ${record.request.method} ${record.request.url.split("?")[0]}${operation} -> ${record.status}`;
}
