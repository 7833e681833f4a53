import type { SecurityRequirement, SecurityScheme } from "./model.js";
import { isObject, resolveLocal } from "./pointer.js";

/** Security schemes of 3.x `components.securitySchemes` or 2.0 `securityDefinitions`, in one shape. */
export function securitySchemesOf(doc: Record<string, unknown>): Record<string, SecurityScheme> {
  const source =
    doc.swagger !== undefined
      ? doc.securityDefinitions
      : isObject(doc.components)
        ? doc.components.securitySchemes
        : undefined;
  const schemes: Record<string, SecurityScheme> = {};
  if (!isObject(source)) return schemes;
  for (const [name, raw] of Object.entries(source)) {
    const resolved = resolveLocal(doc, raw, `#/components/securitySchemes/${name}`)?.value;
    if (isObject(resolved)) schemes[name] = toScheme(resolved);
  }
  return schemes;
}

function toScheme(raw: Record<string, unknown>): SecurityScheme {
  switch (raw.type) {
    case "apiKey": {
      const where = raw.in === "query" || raw.in === "cookie" ? raw.in : "header";
      return { type: "apiKey", name: String(raw.name ?? ""), in: where };
    }
    case "http":
      // Scheme names are case-insensitive (RFC 9110): `Bearer` and `bearer` are one scheme.
      return { type: "http", scheme: String(raw.scheme ?? "").toLowerCase() };
    case "basic":
      return { type: "http", scheme: "basic" };
    case "oauth2":
    case "openIdConnect":
    case "mutualTLS":
      return { type: raw.type };
    default:
      return { type: "unknown" };
  }
}

/** `security` of the operation, else of the document: a list of alternatives, each a list of scheme names. */
export function securityRequirementsOf(
  operation: Record<string, unknown>,
  doc: Record<string, unknown>,
): SecurityRequirement[] {
  const raw = Array.isArray(operation.security) ? operation.security : Array.isArray(doc.security) ? doc.security : [];
  return raw.filter(isObject).map((requirement) => Object.keys(requirement));
}
