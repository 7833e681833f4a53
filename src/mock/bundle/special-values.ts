import { escapeToken, unescapeToken } from "../../contract/pointer.js";

/**
 * A value of a parsed contract that JSON cannot hold, with its JSON pointer: a YAML timestamp
 * (`example: 2024-01-31T10:00:00Z` is a Date to the YAML parser, and a Date fails `type: string`
 * where its ISO string would pass), or a YAML `.nan`/`.inf`. Kept aside so that the model built from
 * a bundle is the one built from the file, down to which example is served.
 */
export type SpecialValue =
  [pointer: string, kind: "date", iso: string] | [pointer: string, kind: "number", text: string];

/** Every special value of `root`, by path: a node the YAML shares at several places is listed at each. */
export function specialValuesOf(root: unknown): SpecialValue[] {
  const found: SpecialValue[] = [];
  const stack: Array<[unknown, string]> = [[root, "#"]];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (node instanceof Date) found.push([pointer, "date", node.toISOString()]);
    else if (typeof node === "number" && !Number.isFinite(node)) found.push([pointer, "number", String(node)]);
    else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node))
        if (value !== null && (typeof value === "object" || typeof value === "number"))
          stack.push([value, `${pointer}/${escapeToken(key)}`]);
    }
  }
  return found;
}

/** Puts each special value back in place (the JSON holds a string or null there); false when a pointer leads nowhere. */
export function reviveSpecialValues(root: Record<string, unknown>, values: SpecialValue[]): boolean {
  for (const [pointer, kind, text] of values) {
    const tokens = pointer.split("/").slice(1).map(unescapeToken);
    const last = tokens.pop();
    let parent: unknown = root;
    for (const token of tokens)
      parent = parent !== null && typeof parent === "object" ? (parent as Record<string, unknown>)[token] : undefined;
    if (last === undefined || parent === null || typeof parent !== "object") return false;
    (parent as Record<string, unknown>)[last] = kind === "date" ? new Date(text) : Number(text);
  }
  return true;
}
