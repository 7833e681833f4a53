/** The keywords of a matcher object; an object with none of them is a literal value (bodies only). */
export const MATCHER_KEYWORDS = [
  "equals",
  "regex",
  "contains",
  "absent",
  "present",
  "gt",
  "gte",
  "lt",
  "lte",
  "equalToJson",
  "ignore",
  "ignoreExtraFields",
  "and",
  "or",
  "not",
] as const;

export type MatcherKeyword = (typeof MATCHER_KEYWORDS)[number];

const KEYWORDS = new Set<string>(MATCHER_KEYWORDS);

export function isKeyword(key: string): key is MatcherKeyword {
  return KEYWORDS.has(key);
}

/** `/when/body/$.items~1sku/regex`: a JSON pointer (RFC 6901) to the place in the entry or pattern. */
export function pointerOf(path: Array<string | number>): string {
  return path.map((step) => `/${String(step).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}
