import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { SeenResponse } from "./run-log.js";

/** How much of a response body the report shows. */
export const REPORTED_BODY_BYTES = 8 * 1024;
/** How much of a POST's response is kept to check it as a message (a message over this is not checked). */
export const MESSAGE_BODY_BYTES = 1024 * 1024;

export interface TappedResponse {
  response(): SeenResponse;
  /** The body of a POST's answer, up to MESSAGE_BODY_BYTES; undefined when it was larger, or not a POST. */
  messageBody(): Buffer | undefined;
}

/**
 * Watches what the proxy writes back to Pact's core (status, header lines, the first bytes of the
 * body) without changing it: the report shows the response of a failed interaction, and a message
 * (Pact's core asks for one with a POST) is checked against the message contract.
 */
export function tapResponse(req: IncomingMessage, res: ServerResponse): TappedResponse {
  const keep = req.method === "POST" ? MESSAGE_BODY_BYTES : REPORTED_BODY_BYTES;
  const chunks: Buffer[] = [];
  let kept = 0;
  let total = 0;
  let headers: Record<string, string | string[]> = {};
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const given = rest.find((r) => typeof r === "object" && r !== null) as OutgoingHttpHeaders | string[] | undefined;
    headers = headerRecord(given);
    return writeHead(status, ...rest);
  }) as typeof res.writeHead;
  const note = (chunk: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    total += bytes.length;
    if (kept < keep) chunks.push(bytes.subarray(0, keep - kept));
    kept = Math.min(keep, kept + bytes.length);
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  res.write = ((chunk: unknown, ...rest: unknown[]) => (note(chunk), write(chunk, ...rest))) as typeof res.write;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((chunk: unknown, ...rest: unknown[]) => (note(chunk), end(chunk, ...rest))) as typeof res.end;
  return {
    response() {
      const body = Buffer.concat(chunks).subarray(0, REPORTED_BODY_BYTES);
      return {
        status: res.statusCode,
        headers,
        body: body.toString("utf8"),
        bytes: total,
        truncated: total > body.length,
      };
    },
    messageBody: () => (req.method === "POST" && total <= MESSAGE_BODY_BYTES ? Buffer.concat(chunks) : undefined),
  };
}

function headerRecord(given: OutgoingHttpHeaders | string[] | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const key = name.toLowerCase();
    const had = out[key];
    out[key] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  };
  if (Array.isArray(given)) for (let i = 0; i + 1 < given.length; i += 2) add(given[i]!, given[i + 1]!);
  else if (given)
    for (const [name, value] of Object.entries(given))
      if (value !== undefined) for (const v of [value].flat()) add(name, String(v));
  return out;
}
