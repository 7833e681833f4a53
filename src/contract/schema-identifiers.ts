/**
 * Keys that identify a schema when ajv adds a document: JSON Schema's, and the `x-mockpact-` key that
 * mockpact's ajv reads for an id (a name no contract uses).
 */
const IDENTIFYING_KEYS = ["$id", "$anchor", "$dynamicAnchor", "x-mockpact-"];

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
