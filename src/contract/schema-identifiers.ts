/**
 * The key mockpact's ajv reads a schema id from: ajv takes every string `id`/`$id` anywhere in an added
 * document for one, examples included (GitHub's `example: { id: 12 }`), and contracts do not identify
 * schemas that way, so ajv is told to look under a key no contract uses.
 */
export const SCHEMA_ID_KEY = "x-mockpact-no-schema-id";

/** Keys that identify a schema when ajv adds a document: JSON Schema's, and mockpact's id key. */
const IDENTIFYING_KEYS = ["$id", "$anchor", "$dynamicAnchor", SCHEMA_ID_KEY];

/**
 * Escapes that could spell a key without its letters in the text: JSON's and YAML's `\u0024id`,
 * YAML's `\x24id` and `\U00000024id`, and a YAML double-quoted line joined by a backslash at its end.
 */
const SPELLING_ESCAPES = ["\\u", "\\x", "\\U", "\\\n", "\\\r"];

/**
 * Whether the text of a contract file shows that no key of its document identifies a schema: it names
 * none of those keys and has no escape that could spell one. A plain search of the text (milliseconds
 * on 13 MB) where the alternative is a walk of every object of the parsed document.
 */
export function textShowsNoSchemaIdentifiers(text: string): boolean {
  return (
    !SPELLING_ESCAPES.some((escape) => text.includes(escape)) && !IDENTIFYING_KEYS.some((key) => text.includes(key))
  );
}
