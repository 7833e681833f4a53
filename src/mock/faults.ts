import type { Random } from "./random.js";
import { between } from "./random.js";
import type { HttpResponse } from "../http/types.js";
import type { DelayRange } from "../options/delay.js";
import { byteLength, utf8Text } from "../http/bytes.js";

export { FAULT_KINDS, type FaultKind } from "../http/types.js";

export function sampleDelay(range: DelayRange, random: Random): number {
  return range.min === range.max ? range.min : between(random, range.min, range.max);
}

/**
 * The body a `malformed` fault sends: the first half of the real body and bytes no JSON parser
 * accepts, with a Content-Length that fits, so the HTTP exchange succeeds and parsing the body fails.
 */
export function malformed(response: HttpResponse): HttpResponse {
  const text =
    response.body === undefined ? "" : typeof response.body === "string" ? response.body : utf8Text(response.body);
  const body = `${text.slice(0, Math.ceil(text.length / 2))}\u0000<<mockpact fault: malformed>>`;
  const bodiless = response.status === 204 || response.status === 304 || response.status < 200;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    ...response.headers,
    "content-length": String(byteLength(body)),
  };
  const { encodedBody: _written, ...answer } = response; // the bytes of the whole body, which this replaces
  return { ...answer, status: bodiless ? 200 : response.status, headers, body };
}
