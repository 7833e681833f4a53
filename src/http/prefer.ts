/** The `Prefer` header's mock preferences (RFC 7240 syntax, Prism's vocabulary). */
export interface MockPreferences {
  code?: number;
  example?: string;
  dynamic?: boolean;
}

const EMPTY: MockPreferences = {};

/**
 * The preferences of a request: the `Prefer` header's, and Prism's query controls (`?__code=404`,
 * `__example=`, `__dynamic=`) as aliases for clients that cannot set a header (teams moving from
 * Prism use them in their tests). The header wins where both say something.
 */
export function preferencesOf(header: string | string[] | undefined, queryText: string): MockPreferences {
  const fromHeader = parsePrefer(header);
  if (!queryText.includes("__")) return fromHeader;
  const query = new URLSearchParams(queryText);
  const aliases = [query.get("__code"), query.get("__example"), query.get("__dynamic")];
  if (aliases.every((v) => v === null)) return fromHeader;
  const fromQuery = parsePrefer(
    [
      ["code", aliases[0]],
      ["example", aliases[1]],
      ["dynamic", aliases[2]],
    ]
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `${k}=${v}`)
      .join(";"),
  );
  return { ...fromQuery, ...fromHeader };
}

/** `Prefer: code=404, example=notFound` or `code=404; dynamic=true`; unknown preferences are ignored. */
export function parsePrefer(header: string | string[] | undefined): MockPreferences {
  if (header === undefined || header === "") return EMPTY;
  const text = Array.isArray(header) ? header.join(",") : header;
  const preferences: MockPreferences = {};
  for (const part of text.split(/[,;]/)) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
    if (key === "code" && /^\d{3}$/.test(value)) preferences.code = Number(value);
    else if (key === "example") preferences.example = value;
    else if (key === "dynamic") preferences.dynamic = value.toLowerCase() === "true";
  }
  return preferences;
}
