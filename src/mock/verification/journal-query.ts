import type { KeptRecord, SearchContext } from "./search.js";
import { compilePattern } from "./pattern.js";
import { matchingRecords } from "./search.js";

/** `GET <prefix>/requests?...`: a page of the journal, filtered. */
export interface JournalQuery {
  limit?: number;
  before: number;
  accept(record: KeptRecord): boolean;
}

const FILTERS = ["method", "path", "operation", "status", "since"] as const;
const KNOWN = ["limit", "before", ...FILTERS];

/**
 * Reads the journal list's query: `limit`, `before` and the filters `method`, `path` (the URL path as
 * sent), `operation` (an operationId), `status` (`404` or `4xx`) and `since` (an ISO date-time). A
 * parameter it does not know, or a value it cannot use, is the message of a 400: a filter silently
 * ignored would show every request as if it matched.
 */
export function readJournalQuery(query: Record<string, unknown>, ctx: SearchContext): JournalQuery | string {
  for (const [name, value] of Object.entries(query)) {
    if (!KNOWN.includes(name)) return `Unknown parameter "${name}" of the journal list (known: ${KNOWN.join(", ")})`;
    if (typeof value !== "string") return `Give "${name}" once, as a single value`;
  }
  const text = query as Record<string, string | undefined>;
  const status = statusTest(text.status);
  if (typeof status === "string") return status;
  const since = text.since === undefined ? -Infinity : Date.parse(text.since);
  if (Number.isNaN(since)) return `"since" must be an ISO date-time such as 2026-01-31T12:00:00Z, not "${text.since}"`;
  const pattern = {
    ...(text.method ? { method: text.method } : {}),
    ...(text.path ? { path: text.path } : {}),
    ...(text.operation ? { operation: text.operation } : {}),
  };
  let conditions;
  try {
    conditions = compilePattern(pattern, ctx.operationIds).conditions;
  } catch (error) {
    return (error as Error).message;
  }
  const limit = text.limit === undefined ? undefined : Number(text.limit);
  const before = Number(text.before ?? Infinity);
  return {
    ...(limit !== undefined && Number.isInteger(limit) && limit >= 0 ? { limit } : {}),
    before: before > 0 ? before : Infinity,
    accept: (record) =>
      record.time >= since &&
      status(record.status) &&
      (conditions.length === 0 || matchingRecords([record], conditions, ctx.router).length === 1),
  };
}

/** `404` is that status; `4xx` (any case) its class. */
function statusTest(text: string | undefined): ((status: number) => boolean) | string {
  if (text === undefined) return () => true;
  if (/^[1-5]\d\d$/.test(text)) return (status) => status === Number(text);
  if (/^[1-5]xx$/i.test(text)) return (status) => Math.floor(status / 100) === Number(text[0]);
  return `"status" must be a status such as 404 or a class such as 4xx, not "${text}"`;
}
