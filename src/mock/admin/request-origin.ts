import { isIP } from "node:net";
import type { Request } from "express";

/** Why a state change is refused (another site, or not JSON), or undefined when it may go on. */
export function crossSiteRefusal(req: Request): string | undefined {
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none")
    return `${req.method} ${req.originalUrl} comes from another site (Sec-Fetch-Site: ${site})`;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== "null" && hostOfOrigin(origin) !== req.headers.host?.toLowerCase())
    return `${req.method} ${req.originalUrl} comes from another origin (${origin})`;
  if (origin === "null") return `${req.method} ${req.originalUrl} comes from an opaque origin`;
  if (!/^application\/json\s*(?:;|$)/i.test(req.headers["content-type"] ?? ""))
    return `${req.method} ${req.originalUrl} changes state: send it with Content-Type: application/json`;
  return undefined;
}

/** `localhost`, `*.localhost`, IP literals, and the names allowed. */
export function acceptedHost(host: string, names: ReadonlySet<string>): boolean {
  return names.has(host) || host.endsWith(".localhost") || isIP(host.replace(/^\[|\]$/g, "")) !== 0;
}

/** `Example.org:4010` -> `example.org`; `[::1]:4010` -> `[::1]`. */
export function hostName(header: string | undefined): string {
  const value = (header ?? "").trim().toLowerCase();
  if (value.startsWith("[")) return value.slice(0, value.indexOf("]") + 1);
  return value.split(":")[0] ?? "";
}

function hostOfOrigin(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

export function isWildcard(host: string): boolean {
  return host === "0.0.0.0" || host === "::" || host === "[::]";
}
