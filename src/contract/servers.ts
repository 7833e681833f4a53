import { isObject } from "./pointer.js";

/**
 * Base paths a contract is served under: the path part of each `servers[].url` (3.x, with server
 * variables replaced by their defaults) or `basePath` (2.0). Always includes `""` is not implied:
 * the router also serves every operation without its base path (DESIGN: "honoured and also optional").
 */
export function basePathsOf(doc: Record<string, unknown>): string[] {
  if (typeof doc.swagger !== "undefined") return [normaliseBase(typeof doc.basePath === "string" ? doc.basePath : "")];
  const servers = Array.isArray(doc.servers) ? doc.servers : [];
  const bases = servers.filter(isObject).map((server) => normaliseBase(pathOfServerUrl(server)));
  const unique = [...new Set(bases)];
  return unique.length > 0 ? unique : [""];
}

/**
 * The URLs a contract says its API is at, as written (absolute or relative): 3.x `servers[].url`
 * with their variables' defaults, or 2.0 `schemes`, `host` and `basePath`. Empty when it says none.
 */
export function serverUrlsOf(doc: Record<string, unknown>): string[] {
  if (typeof doc.swagger !== "undefined") {
    const base = typeof doc.basePath === "string" ? doc.basePath : "";
    if (typeof doc.host !== "string" || doc.host === "") return base === "" ? [] : [base];
    const schemes = Array.isArray(doc.schemes) && doc.schemes.length > 0 ? doc.schemes.map(String) : ["https", "http"]; // unsaid: the scheme the document was read with, so either
    return schemes.map((scheme) => `${scheme}://${doc.host as string}${base}`);
  }
  const servers = Array.isArray(doc.servers) ? doc.servers : [];
  return servers.filter(isObject).map(expandedUrl);
}

function expandedUrl(server: Record<string, unknown>): string {
  const url = typeof server.url === "string" ? server.url : "";
  const variables = isObject(server.variables) ? server.variables : {};
  return url.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const variable = variables[name];
    return isObject(variable) && variable.default !== undefined ? String(variable.default) : "";
  });
}

function pathOfServerUrl(server: Record<string, unknown>): string {
  const url = expandedUrl(server);
  const withoutScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  return withoutScheme.replace(/[?#].*$/, "");
}

function normaliseBase(base: string): string {
  const trimmed = base.replace(/\/+$/, "");
  if (trimmed === "" || trimmed === "/") return "";
  return trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}
