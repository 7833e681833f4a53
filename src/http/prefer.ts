/** The `Prefer` header's mock preferences (RFC 7240 syntax, Prism's vocabulary). */
export interface MockPreferences {
  code?: number;
  example?: string;
  dynamic?: boolean;
}

const EMPTY: MockPreferences = {};

/** `Prefer: code=404, example=notFound` or `code=404; dynamic=true`; unknown preferences are ignored. */
export function parsePrefer(header: string | string[] | undefined): MockPreferences {
  if (header === undefined || header === "") return EMPTY;
  const text = Array.isArray(header) ? header.join(",") : header;
  const preferences: MockPreferences = {};
  for (const part of text.split(/[,;]/)) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
    if (key === "code" && /^\d{3}$/.test(value)) preferences.code = Number(value);
    else if (key === "example") preferences.example = value;
    else if (key === "dynamic") preferences.dynamic = value.toLowerCase() === "true";
  }
  return preferences;
}
