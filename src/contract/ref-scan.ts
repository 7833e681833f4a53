import { getAtPointer, isObject } from "./pointer.js";
import type { RefScan } from "./walk.js";

/** What visiting one `$ref` needs besides the ref: the dialect's rule on siblings, and where it sits. */
interface RefContext {
  stripRefSiblings: boolean;
  /** Inside an `x-` extension: a ref that does not resolve is set aside with a warning, not an error. */
  extension: boolean;
}

/** Memos shared by a whole scan: whether a ref resolves, and whether its chain of refs cycles. */
interface RefMemo {
  resolved: Map<string, boolean>;
  cyclic: Map<string, boolean>;
}

export function visitRef(
  doc: Record<string, unknown>,
  node: Record<string, unknown>,
  pointer: () => string,
  context: RefContext,
  scan: RefScan,
  memo: RefMemo,
): void {
  const ref = node.$ref as string;
  if (!ref.startsWith("#")) {
    if (context.extension) scan.extensionRefs.push({ ref, pointer: pointer(), node });
    else scan.externalRefs.push({ ref, pointer: pointer() });
    return;
  }
  let exists = memo.resolved.get(ref);
  if (exists === undefined) {
    exists = getAtPointer(doc, ref) !== undefined;
    memo.resolved.set(ref, exists);
  }
  if (!exists && context.extension) scan.extensionRefs.push({ ref, pointer: pointer(), node });
  else if (!exists) scan.missingRefs.push({ ref, pointer: pointer() });
  else if (refChainCycles(doc, ref, memo.cyclic)) scan.refCycles.push(pointer());
  if (context.stripRefSiblings && !context.extension) stripSiblings(node, pointer, scan);
}

/** Follows `ref` through targets that are nothing but another `$ref`: true when it comes back to one it passed. */
function refChainCycles(doc: Record<string, unknown>, ref: string, cyclic: Map<string, boolean>): boolean {
  const known = cyclic.get(ref);
  if (known !== undefined) return known;
  const passed = new Set<string>();
  let next: string | undefined = ref;
  while (next !== undefined && !passed.has(next) && cyclic.get(next) === undefined) {
    passed.add(next);
    const target = getAtPointer(doc, next);
    next = isObject(target) && typeof target.$ref === "string" && target.$ref.startsWith("#") ? target.$ref : undefined;
  }
  const cycles = next !== undefined && (passed.has(next) || cyclic.get(next) === true);
  for (const r of passed) cyclic.set(r, cycles);
  return cycles;
}

function isPathItem(pointer: string): boolean {
  return /^#\/paths\/[^/]+$/.test(pointer);
}

function stripSiblings(node: Record<string, unknown>, pointer: () => string, scan: RefScan): void {
  const siblings = Object.keys(node).filter((k) => k !== "$ref" && k !== "description" && k !== "summary");
  if (siblings.length === 0 || isPathItem(pointer())) return;
  for (const key of siblings) delete node[key];
  scan.refsWithSiblings.push(pointer());
}
