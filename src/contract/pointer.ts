/** JSON pointers (RFC 6901) into a contract document, in the `#/a/b` form `$ref`s use. */
export function escapeToken(token: string): string {
  // Most keys hold neither character: the load walks build a pointer for every node of the document.
  if (!token.includes("~") && !token.includes("/")) return token;
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function joinPointer(base: string, ...tokens: Array<string | number>): string {
  let pointer = base;
  for (const token of tokens) pointer = `${pointer}/${escapeToken(String(token))}`;
  return pointer;
}

/** The value at `#/a/b` in `doc`, or undefined when any step is missing. */
export function getAtPointer(doc: unknown, pointer: string): unknown {
  if (pointer === "#" || pointer === "") return doc;
  if (!pointer.startsWith("#/")) return undefined;
  let node: unknown = doc;
  for (const raw of pointer.slice(2).split("/")) {
    if (node === null || typeof node !== "object") return undefined;
    const token = unescapeToken(decodeURIComponentSafe(raw));
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

function decodeURIComponentSafe(value: string): string {
  if (!value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export interface Located<T = unknown> {
  value: T;
  pointer: string;
}

/**
 * Follows a chain of local `$ref`s (`{ $ref: "#/components/parameters/limit" }`) to the object it
 * names, returning that object and where it lives. Stops after 32 hops so a ref cycle cannot hang.
 */
export function resolveLocal(doc: unknown, value: unknown, pointer: string): Located | undefined {
  let current: Located = { value, pointer };
  for (let hops = 0; hops < 32; hops++) {
    const ref = refOf(current.value);
    if (ref === undefined) return current;
    if (!ref.startsWith("#")) return undefined;
    const target = getAtPointer(doc, ref);
    if (target === undefined) return undefined;
    current = { value: target, pointer: ref };
  }
  return undefined;
}

export function refOf(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const ref = (value as Record<string, unknown>).$ref;
  return typeof ref === "string" ? ref : undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
