/** What came back from a callback's target, or why nothing did. */
export type Delivered =
  { ok: true; status: number; headers: Record<string, string>; body: Uint8Array } | { ok: false; error: string };

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** The most of a target's answer that is read (and checked); the rest is not waited for. */
export const MAX_CALLBACK_RESPONSE_BYTES = 1024 * 1024;

/**
 * One call, bounded: `timeoutMs` for the whole exchange, the answer read up to its bound, redirects
 * not followed (a redirect could lead anywhere, past the hosts the user allowed). `stop` aborts it
 * at once (the server closes).
 */
export async function send(request: OutgoingRequest, timeoutMs: number, stop: AbortSignal): Promise<Delivered> {
  const signal = AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal,
    });
    const body = await readBounded(response, MAX_CALLBACK_RESPONSE_BYTES);
    return { ok: true, status: response.status, headers: Object.fromEntries(response.headers), body };
  } catch (error) {
    return { ok: false, error: failureOf(error, timeoutMs, stop) };
  }
}

async function readBounded(response: Response, max: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size >= max) {
      await reader.cancel();
      break;
    }
  }
  const whole = new Uint8Array(Math.min(size, max));
  let at = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, whole.length - at);
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}

function failureOf(error: unknown, timeoutMs: number, stop: AbortSignal): string {
  if (stop.aborted) return "the mock closed before the callback was answered";
  const named = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (named.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  return `the call failed: ${named.cause?.code ?? named.cause?.message ?? named.message ?? String(error)}`;
}
