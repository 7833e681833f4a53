import { byteLength, utf8Bytes } from "../http/bytes.js";
import type { HttpResponse } from "../http/types.js";
import type { JournalRecord } from "./journal.js";

/** The most bytes of one body (request or response) an entry keeps: enough to read a page of JSON. */
export const MAX_KEPT_BODY = 64 * 1024;

/**
 * The most bytes the bodies of one direction may hold over the whole journal: a journal longer than
 * 1,024 entries keeps less of each body, so `--journal-size 10000` stays within 128 MiB in all.
 */
const BODIES_BUDGET = 64 * 1024 * 1024;

/** The bytes kept of each body in a journal of `size` entries. */
export function bodyCap(size: number): number {
  return Math.min(MAX_KEPT_BODY, Math.floor(BODIES_BUDGET / Math.max(size, 1)));
}

/**
 * The record with each long body cut to its first `cap` bytes, copied, so that the ring never pins a
 * large buffer. A body within the cap is kept by reference: a static answer's bytes are shared by
 * every request it answers, so keeping them costs nothing.
 */
export function boundedRecord(record: JournalRecord, cap: number): JournalRecord {
  const body = record.request.body;
  const response = record.response?.body;
  const longRequest = body !== undefined && body.length > cap;
  const longResponse = response !== undefined && response.length > cap && byteLength(response) > cap;
  if (!longRequest && !longResponse) return record;
  const bounded = { ...record };
  if (longRequest)
    Object.assign(bounded, { request: { ...record.request, body: firstBytes(body, cap) }, bodyLength: body.length });
  if (longResponse)
    Object.assign(bounded, {
      response: { ...record.response, body: firstBytes(response, cap) } as HttpResponse,
      responseBodyLength: byteLength(response),
    });
  return bounded;
}

/** A copy, not a view: Buffer#slice and subarray share the whole buffer's memory. */
function firstBytes(body: Uint8Array | string, cap: number): Uint8Array {
  const bytes = typeof body === "string" ? utf8Bytes(body.slice(0, cap)) : body;
  return new Uint8Array(bytes.subarray(0, cap));
}
