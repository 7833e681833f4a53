import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";

/** RFC 9110 §7.6.1: headers meant for one connection, never forwarded by a proxy. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** The headers to pass on: hop-by-hop ones dropped (and any the Connection header names). */
export function endToEndHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = String(headers.connection ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.includes(name)) continue;
    out[name] = value;
  }
  return out;
}

/** The request's headers as the provider must see them: end-to-end only, Host naming the provider. */
export function upstreamHeaders(headers: IncomingHttpHeaders, target: URL): OutgoingHttpHeaders {
  return { ...endToEndHeaders(headers), host: target.host };
}

/** `/shop/products?x=1` sent to a provider whose base URL has a path (`http://h/api`) -> `/api/shop/products?x=1`. */
export function upstreamPath(target: URL, url: string): string {
  const base = target.pathname.replace(/\/+$/, "");
  return `${base}${url.startsWith("/") ? url : `/${url}`}`;
}

/**
 * The upstream's header lines as they came (`rawHeaders`: names as sent, a repeated header as its
 * own lines, never joined into `a, b`), hop-by-hop ones dropped, then `extra` (which replaces any
 * line of the same name): the flat list node:http's writeHead takes.
 */
export function relayedHeaderLines(
  rawHeaders: string[],
  connection: string | string[] | undefined,
  extra: Record<string, string>,
): string[] {
  const named = new Set(
    String(connection ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
  const replaced = new Set(Object.keys(extra).map((n) => n.toLowerCase()));
  const lines: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const lower = rawHeaders[i]!.toLowerCase();
    if (HOP_BY_HOP.has(lower) || named.has(lower) || replaced.has(lower)) continue;
    lines.push(rawHeaders[i]!, rawHeaders[i + 1]!);
  }
  for (const [name, value] of Object.entries(extra)) lines.push(name, value);
  return lines;
}
