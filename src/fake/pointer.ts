import { MockpactError } from "../errors.js";

/** `$ref`s of a bundled contract are JSON pointers into the document ("#/components/schemas/Pet"). */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The canonical key of a `$ref`: the fragment, percent-decoded, starting with "#". */
export function refKey(ref: string): string {
  if (!ref.startsWith("#")) {
    throw new MockpactError(
      "REF_NOT_FOUND",
      `Failed to fake a value: the $ref "${ref}" is not a pointer into the contract`,
      {
        hint: "Bundle the contract first: mockpact fakes only from internal refs (#/...).",
        place: { pointer: ref },
      },
    );
  }
  try {
    return decodeURIComponent(ref);
  } catch {
    return ref;
  }
}

/** The value at `key` ("#/a/b~1c") in `document`, or undefined when there is none. */
export function resolvePointer(document: unknown, key: string): unknown {
  if (key === "#" || key === "#/") return document;
  let current: unknown = document;
  for (const token of key.slice(2).split("/")) {
    const name = token.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, name)) return undefined;
    current = (current as JsonObject)[name];
  }
  return current;
}

/** The last token of a pointer: "#/components/schemas/Pet" -> "Pet". */
export function pointerName(key: string): string {
  const token = key.slice(key.lastIndexOf("/") + 1);
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}
