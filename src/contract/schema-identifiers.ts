/**
 * The key mockpact's ajv reads a schema id from: ajv takes every string `id`/`$id` anywhere in an added
 * document for one, examples included (GitHub's `example: { id: 12 }`), and contracts do not identify
 * schemas that way, so ajv is told to look under a key no contract uses.
 */
export const SCHEMA_ID_KEY = "x-mockpact-no-schema-id";

/** JSON Schema's keys that identify a schema, after their `$`. */
const DOLLAR_KEYS = ["id", "anchor", "dynamicAnchor"];

/**
 * What follows a backslash in an escape that could spell a key without its letters in the text: JSON's
 * and YAML's `\u0024id`, YAML's `\x24id` and `\U00000024id`, and a YAML double-quoted line joined by a
 * backslash at its end.
 */
const SPELLING_ESCAPES = new Set(["u", "x", "U", "\n", "\r"]);

/**
 * Whether the text of a contract file shows that no key of its document identifies a schema: it names
 * none of those keys and has no escape that could spell one. A search of the text where the alternative
 * is a walk of every object of the parsed document. It visits each `$` and each backslash once (a few
 * milliseconds on 13 MB): a search per key and escape took four times as long.
 */
export function textShowsNoSchemaIdentifiers(text: string): boolean {
  for (let at = text.indexOf("$"); at !== -1; at = text.indexOf("$", at + 1))
    if (DOLLAR_KEYS.some((key) => text.startsWith(key, at + 1))) return false;
  for (let at = text.indexOf("\\"); at !== -1; at = text.indexOf("\\", at + 1))
    if (SPELLING_ESCAPES.has(text.charAt(at + 1))) return false;
  return !text.includes(SCHEMA_ID_KEY);
}
