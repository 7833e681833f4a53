import type { HttpRequest, HttpResponse } from "./types.js";

/** `--cors`: any origin may call the mock, with credentials, and read the mock's own headers. */
export function corsHeaders(request: HttpRequest): Record<string, string> {
  const origin = request.headers.origin;
  return {
    "access-control-allow-origin": typeof origin === "string" ? origin : "*",
    "access-control-allow-credentials": "true",
    "access-control-expose-headers": "mockpact-violations, mockpact-warning, location, www-authenticate",
    vary: "Origin",
  };
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
