import type { HttpResponse } from "../../http/types.js";
import { contentTypeOf, type PactHttpInteraction } from "../http-interaction.js";

/** The header that names the interaction a stub answered with: which one answered is the first question when debugging. */
export const INTERACTION_HEADER = "mockpact-pact-interaction";

/**
 * The interaction's own response, built once at load: its status, its headers, and its body as the
 * pact writes it (JSON serialised, text as it is, encoded bytes decoded). Generators are not run:
 * the example values are served.
 */
export function stubResponse(interaction: PactHttpInteraction): HttpResponse {
  const { response } = interaction;
  const headers: Record<string, string> = {};
  for (const [key, { value }] of response.headers) headers[key] = value;
  headers[INTERACTION_HEADER] = asciiOnly(interaction.description);
  const body = response.body;
  if (body.kind !== "present") return { status: response.status, headers, body: "" };
  const contentType = contentTypeOf(response.headers, body);
  if (contentType && headers["content-type"] === undefined) headers["content-type"] = contentType;
  if (body.bytes) return { status: response.status, headers, body: body.bytes };
  return {
    status: response.status,
    headers,
    body: typeof body.value === "string" ? body.value : JSON.stringify(body.value),
  };
}

/** Header values must be ASCII: anything else is escaped as \uXXXX. */
function asciiOnly(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A copy the caller may change (the core adds CORS and violation headers). */
export function copyResponse(response: HttpResponse): HttpResponse {
  return { status: response.status, headers: { ...response.headers }, body: response.body };
}
