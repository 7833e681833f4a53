import { isObject } from "./pointer.js";

/**
 * The value an Example Object stands for, in the media type it is served as. OpenAPI 3.0/3.1 write
 * `value`; 3.2 adds `dataValue` (the data, before serialisation) and `serializedValue` (the bytes as
 * sent, a string: parsed back for JSON media types); an `externalValue` file has been read into
 * `serializedValue` by the loader (external-examples.ts). Undefined when the example gives none.
 */
export function exampleValue(example: Record<string, unknown>, mediaKey: string): { value: unknown } | undefined {
  if ("dataValue" in example) return { value: example.dataValue };
  if ("value" in example) return { value: example.value };
  if (typeof example.serializedValue !== "string") return undefined;
  return { value: isJsonMedia(mediaKey) ? parseOrText(example.serializedValue) : example.serializedValue };
}

/** `application/json`, `+json` suffixes, and `*\/*` (served as JSON). */
function isJsonMedia(mediaKey: string): boolean {
  const essence = mediaKey.split(";")[0]!.trim().toLowerCase();
  return essence === "application/json" || essence.endsWith("+json") || essence === "*/*";
}

/** A serialised value that is not JSON stays text: checked against its schema, it says so at load. */
function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Whether a node is an Example Object whose value lives in a file (`externalValue`) not yet read. */
export function isUnreadExternalExample(node: unknown): node is Record<string, unknown> & { externalValue: string } {
  return (
    isObject(node) &&
    typeof node.externalValue === "string" &&
    !("value" in node) &&
    !("dataValue" in node) &&
    !("serializedValue" in node)
  );
}
