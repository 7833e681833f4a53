import type { CompiledJsonPath } from "./jsonpath.js";

/**
 * A copy of `value` without the places the `ignore` paths find in it (`$.id`, `$.items[*].createdAt`),
 * so that `equalToJson` compares the rest. The value itself is never changed.
 */
export function withoutIgnored(value: unknown, ignore: CompiledJsonPath[]): unknown {
  if (ignore.length === 0 || value === null || typeof value !== "object") return value;
  const copy: unknown = structuredClone(value);
  // Deepest and last first, so that removing an array element leaves the pointers still to remove valid.
  const pointers = ignore
    .flatMap((path) => path.pointers(copy))
    .sort((a, b) => b.localeCompare(a, "en", { numeric: true }));
  for (const pointer of pointers) remove(copy, pointer);
  return copy;
}

function remove(root: unknown, pointer: string): void {
  const steps = pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const last = steps.pop();
  if (last === undefined) return;
  let node = root;
  for (const step of steps) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, step)) return;
    node = (node as Record<string, unknown>)[step];
  }
  if (Array.isArray(node)) node.splice(Number(last), 1);
  else if (node !== null && typeof node === "object") delete (node as Record<string, unknown>)[last];
}
