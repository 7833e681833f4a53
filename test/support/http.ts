/**
 * A small HTTP client for tests that compare servers: node:http, so exactly the headers given are sent
 * (fetch would add Accept, User-Agent, Sec-Fetch-Mode... and refuse some headers), and the body bytes
 * are the same for every server.
 */
import { Agent, request as httpRequest, type IncomingHttpHeaders } from "node:http";

export interface SentRequest {
  method: string;
  /** Path and query, e.g. `/products?limit=2`. */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

export interface ReceivedResponse {
  status: number;
  /** Names lower-cased; repeated headers joined with ", " (set-cookie kept as sent, joined). */
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON when its media type says JSON (`application/json`, `+json`). */
  json: unknown;
}

export function send(baseUrl: string, req: SentRequest, agent?: Agent, timeoutMs = 10_000): Promise<ReceivedResponse> {
  const url = new URL(req.path, baseUrl);
  const headers: Record<string, string> = { ...req.headers };
  if (req.body) headers["content-length"] = String(req.body.length);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method: req.method, headers, agent: agent ?? false, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const flat = flatten(res.headers);
          resolve({ status: res.statusCode ?? 0, headers: flat, text, json: parseJson(flat["content-type"], text) });
        });
      },
    );
    outgoing.on("timeout", () =>
      outgoing.destroy(new Error(`${req.method} ${url.href}: no answer in ${timeoutMs} ms`)),
    );
    outgoing.on("error", reject);
    outgoing.end(req.body);
  });
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function parseJson(contentType: string | undefined, text: string): unknown {
  if (!contentType || !/^application\/([\w.-]+\+)?json\b/i.test(contentType.trim()) || text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
