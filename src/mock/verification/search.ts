import type { Router } from "../../http/router.js";
import type { SecretNames } from "../../redact.js";
import { MAX_JSON_DEPTH } from "../../http/body.js";
import type { Journal, JournalRecord } from "../journal.js";
import type { LoadedMock } from "../make-mock.js";
import { differences, holds } from "../matchers/conditions.js";
import type { Conditions } from "../matchers/types.js";
import { RequestView } from "../request-view.js";

/** Why the verification API cannot answer on a journal kept in Redis (`--store`): it reads this process's records. */
export const SHARED_JOURNAL =
  "Filters and the verification API read this process's journal; with --store the journal is shared in Redis and only its plain list (limit, before) is served";

export type KeptRecord = JournalRecord & { seq: number };

/** What a verification reads: the journal, and from the current load the router, operationIds and credential names. */
export interface SearchContext {
  journal: Journal;
  router: Router;
  operationIds: ReadonlySet<string>;
  secretNames: SecretNames;
}

export function searchContext(mock: LoadedMock, journal: Journal): SearchContext {
  const operationIds = new Set(mock.contracts.flatMap((c) => c.operations.map((o) => o.operationId)));
  return { journal, router: mock.core.engine.router, operationIds, secretNames: mock.core.engine.secretNames };
}

/** A journal record as the matchers read it: path parameters found again by the router that routed it. */
export function viewOf(record: KeptRecord, router: Router): RequestView {
  const { request, target } = record;
  let pathParams: Record<string, string> = {};
  if (target) {
    const q = request.url.indexOf("?");
    const found = router.find(request.method.toUpperCase(), q < 0 ? request.url : request.url.slice(0, q));
    if (found.kind === "found") pathParams = found.pathParams;
  }
  return new RequestView(request, target?.operation, pathParams, MAX_JSON_DEPTH);
}

/** The records (newest first) every condition holds for. Calls the mock made itself (callbacks) are not requests to it. */
export function matchingRecords(records: KeptRecord[], conditions: Conditions, router: Router): KeptRecord[] {
  return records.filter((r) => !r.outgoing && holds(conditions, viewOf(r, router)));
}

export interface NearRecord {
  record: KeptRecord;
  /** The conditions that do not hold, as `body $.qty: expected > 5, got 3`. */
  differences: string[];
}

/** The `count` records that miss the conditions by the fewest fields (newest first among equals). */
export function closestRecords(
  records: KeptRecord[],
  conditions: Conditions,
  router: Router,
  count: number,
  secretNames?: SecretNames,
): NearRecord[] {
  const near = records
    .filter((r) => !r.outgoing)
    .map((record) => ({ record, differences: differences(conditions, viewOf(record, router), secretNames) }));
  return near
    .filter((n) => n.differences.length > 0)
    .sort((a, b) => a.differences.length - b.differences.length)
    .slice(0, count);
}
