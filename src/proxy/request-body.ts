import type { IncomingMessage } from "node:http";
import type { RouteTarget } from "../http/router.js";
import { isReadableMediaType, parseMediaType } from "../http/media-type.js";
import { firstValue } from "../http/url.js";
import { declaredOver, readBounded } from "./bounded-read.js";
import { requestBodyNeeded } from "../http/check-request.js";
import type { OutgoingBody } from "./upstream.js";

export interface RequestBody {
  outgoing: OutgoingBody;
  /** The bytes, when read whole (for the check, the mock, the recording). */
  bytes: Buffer | undefined;
  /** A body is there but was not read: it streams. */
  streamed: boolean;
  unchecked?: string;
}

/**
 * Reads the request body only when something needs its bytes: validation (a parsed media type with a
 * schema), recording (JSON or text) or the mock's answer (`--prefer mock`). Everything else streams straight to the upstream. A body over
 * `--max-body` streams too, unchecked: the proxy does not refuse what the backend may take.
 */
export async function takeRequestBody(
  req: IncomingMessage,
  target: RouteTarget | undefined,
  need: { validate: boolean; record: boolean; mock?: boolean; maxBytes: number },
): Promise<RequestBody> {
  const contentType = req.headers["content-type"];
  const present = hasBody(req);
  const wanted =
    present &&
    (need.mock === true ||
      (need.validate && requestBodyNeeded(target, contentType)) ||
      (need.record && target !== undefined && isTextual(contentType)));
  if (!wanted)
    return present
      ? { outgoing: { kind: "stream", head: [], rest: req }, bytes: undefined, streamed: true }
      : { outgoing: { kind: "read", body: undefined }, bytes: undefined, streamed: false };
  const tooLarge = `request body over ${need.maxBytes} bytes (--max-body): streamed, not checked`;
  if (declaredOver(req.headers, need.maxBytes))
    return { outgoing: { kind: "stream", head: [], rest: req }, bytes: undefined, streamed: true, unchecked: tooLarge };
  const reading = await readBounded(req, need.maxBytes);
  if (reading.kind === "partial")
    return {
      outgoing: { kind: "stream", head: reading.head, rest: req },
      bytes: undefined,
      streamed: true,
      unchecked: tooLarge,
    };
  return { outgoing: { kind: "read", body: reading.body }, bytes: reading.body, streamed: false };
}

export function hasBody(req: IncomingMessage): boolean {
  return Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
}

/** JSON (any `+json`), text and forms: what a recording can write down. */
export function isTextual(contentType: string | string[] | undefined): boolean {
  const value = firstValue(contentType);
  return isReadableMediaType(value) && parseMediaType(value)?.essence !== "multipart/form-data";
}
