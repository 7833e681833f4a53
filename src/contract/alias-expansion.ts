/**
 * YAML aliases (`*a`) make js-yaml return one object at many places: a "billion laughs" document of
 * a few hundred bytes is a graph of a few dozen objects that every walk of the loader (and ajv, and
 * the faker) sees as 9^9 nodes, and load never ends. An alias inside its own anchor (`&a { self: *a }`)
 * makes a cycle, which no walk ends either. Both are found here, in time linear in the document's
 * distinct objects, so that such a document is refused at parse time.
 */

/**
 * Several times the largest real contract (GitHub's 12 MB JSON has ~260,000 values), and low enough that
 * a document just under it still loads in seconds: every value is walked by the loader and ajv.
 */
export const MAX_EXPANDED_NODES = 5_000_000;

/**
 * An anchor (`&name`) or an alias (`*name`) at every `&` or `*`, overlapping: the name is what YAML
 * allows (anything but whitespace and flow indicators), compared on its first 256 characters, cut
 * alike on both sides so that a real pair still meets.
 */
const ANCHOR = /&(?=([^\s[\]{},]{1,256}))/g;
const ALIAS = /\*(?=([^\s[\]{},]{1,256}))/g;

/**
 * Cheap pre-check (a text scan, a few ms on 4 MB): an alias needs an anchor `&name` and a `*name`
 * of that name. Every `&` and every `*` counts, wherever it stands (`"k":&a [...]` in a flow
 * mapping has no space before the anchor), so the scan never misses a real alias; Markdown in
 * descriptions (`**bold**`, `R&D`) only costs the exact check below.
 */
export function mayHaveAliases(text: string): boolean {
  if (!text.includes("&") || !text.includes("*")) return false;
  const anchors = new Set<string>();
  for (const match of text.matchAll(ANCHOR)) anchors.add(match[1]!);
  if (anchors.size === 0) return false;
  for (const match of text.matchAll(ALIAS)) if (anchors.has(match[1]!)) return true;
  return false;
}

export type Expansion = { kind: "size"; nodes: number } | { kind: "too-large"; limit: number } | { kind: "cycle" };

/** The number of values `root` has once every alias is expanded; stops past `limit` or at a cycle. */
export function expandedSize(root: unknown, limit = MAX_EXPANDED_NODES): Expansion {
  if (!isContainer(root)) return { kind: "size", nodes: 1 };
  const sizes = new Map<object, number>();
  const open = new Set<object>(); // objects whose children are being sized: meeting one again is a cycle
  // Iterative post-order (contracts nest deep): an object is sized once, after all its children.
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack[stack.length - 1]!;
    if (sizes.has(node)) {
      stack.pop();
      continue;
    }
    const children = Object.values(node).filter(isContainer);
    if (!open.has(node)) {
      open.add(node);
      for (const child of children) {
        if (open.has(child)) return { kind: "cycle" };
        if (!sizes.has(child)) stack.push(child);
      }
      continue;
    }
    stack.pop();
    open.delete(node);
    let size = 1 + Object.keys(node).length - children.length;
    for (const child of children) size += sizes.get(child)!;
    if (size > limit) return { kind: "too-large", limit };
    sizes.set(node, size);
  }
  return { kind: "size", nodes: sizes.get(root)! };
}

function isContainer(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}
