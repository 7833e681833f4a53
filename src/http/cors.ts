import type { HttpRequest, HttpResponse } from "./types.js";

/** Response headers a browser's script may read without being told (the CORS-safelisted ones). */
const SAFELISTED = new Set([
  "cache-control",
  "content-language",
  "content-length",
  "content-type",
  "expires",
  "last-modified",
  "pragma",
]);

/**
 * The mock's own headers, always exposed: some are set after the CORS headers (the delay of
 * `--latency`, the proxy's findings), and a script must be able to read them whatever answered.
 */
const MOCKPACT_HEADERS = [
  "mockpact-delay",
  "mockpact-violations",
  "mockpact-warning",
  "mockpact-near-miss",
  "mockpact-source",
  "mockpact-pact-interaction",
];

/** A browser's CORS preflight: OPTIONS asking whether the real request may follow. */
export function isPreflight(request: HttpRequest): boolean {
  return request.method.toUpperCase() === "OPTIONS" && request.headers["access-control-request-method"] !== undefined;
}

/**
 * `--cors`: any origin may call the mock, with credentials, and read every header the answer
 * carries: the operation's documented headers (`X-Rate-Limit`, `ETag`...) as well as the mock's own.
 * Access-Control-Expose-Headers cannot be `*` with credentials, so the names are listed.
 */
export function corsHeaders(
  request: HttpRequest,
  answered: Readonly<Record<string, unknown>> = {},
): Record<string, string> {
  const origin = request.headers.origin;
  return {
    "access-control-allow-origin": typeof origin === "string" ? origin : "*",
    "access-control-allow-credentials": "true",
    "access-control-expose-headers": exposedHeaders(Object.keys(answered)),
    vary: "Origin",
  };
}

/** The names of `answered` a script could not read otherwise, then the mock's own headers. */
export function exposedHeaders(answered: Iterable<string>): string {
  const names = new Set<string>(["location", "www-authenticate"]);
  for (const name of answered) {
    const lower = name.toLowerCase();
    if (!SAFELISTED.has(lower) && lower !== "set-cookie" && !lower.startsWith("access-control-")) names.add(lower);
  }
  for (const name of MOCKPACT_HEADERS) names.add(name);
  return [...names].join(", ");
}

export function preflightResponse(request: HttpRequest): HttpResponse {
  const asked = request.headers["access-control-request-headers"];
  return {
    status: 204,
    headers: {
      "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS",
      "access-control-allow-headers": typeof asked === "string" ? asked : "*",
      "access-control-max-age": "600",
    },
    body: "",
  };
}

/** Without `--cors`, the 404/405 a browser's preflight gets says how to let it through. */
export function preflightHint(request: HttpRequest): string {
  return isPreflight(request) ? ": this is a browser's CORS preflight; start the mock with --cors to answer it" : "";
}
