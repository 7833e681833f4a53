import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ContractWarning } from "./model.js";
import { isUnreadExternalExample } from "./example-value.js";
import { isObject, joinPointer } from "./pointer.js";

/** Largest `externalValue` file read: an example is a sample, not a data set. */
const MAX_EXTERNAL_EXAMPLE_BYTES = 1024 * 1024;

/**
 * Reads the local files that Example Objects name with `externalValue` into their `serializedValue`,
 * once, at load: the mock then serves them, `Prefer: example=` names them, and mocks files and
 * fixtures use them like any other example. A file outside the ref root, a URL (never fetched for an
 * example), a missing or oversized file is a warning naming the example; the example is then skipped.
 */
export async function readExternalExamples(
  doc: Record<string, unknown>,
  file: string,
  refRoot: string,
): Promise<ContractWarning[]> {
  const warnings: ContractWarning[] = [];
  for (const { node, pointer } of externalExamples(doc)) {
    const why = await readInto(node, file, refRoot);
    if (why)
      warnings.push({
        code: "EXAMPLE_EXTERNAL_UNREAD",
        message: `example externalValue "${node.externalValue}" ${why}; the example is skipped`,
        file,
        pointer,
      });
  }
  return warnings;
}

async function readInto(
  node: Record<string, unknown> & { externalValue: string },
  file: string,
  refRoot: string,
): Promise<string | undefined> {
  const ref = node.externalValue;
  if (/^[a-z][a-z0-9+.-]+:/i.test(ref) && !/^file:/i.test(ref)) return "is a URL, and mockpact never fetches examples";
  const target = path.resolve(path.dirname(file), decodeURIComponent(ref.replace(/^file:\/\//i, "")));
  const root = path.resolve(refRoot);
  if (!target.startsWith(root + path.sep)) return `is outside the contract's root folder ${root}`;
  const info = await stat(target).catch(() => undefined);
  if (!info?.isFile()) return `names ${target}, which does not exist`;
  if (info.size > MAX_EXTERNAL_EXAMPLE_BYTES)
    return `is ${info.size} bytes, over the ${MAX_EXTERNAL_EXAMPLE_BYTES} read for an example`;
  node.serializedValue = await readFile(target, "utf8");
  return undefined;
}

/** Every Example Object with an unread `externalValue`, in the `examples` maps of the document (iterative). */
function externalExamples(
  doc: Record<string, unknown>,
): Array<{ node: Record<string, unknown> & { externalValue: string }; pointer: string }> {
  const found: Array<{ node: Record<string, unknown> & { externalValue: string }; pointer: string }> = [];
  const stack: Array<{ node: unknown; pointer: string }> = [{ node: doc, pointer: "#" }];
  while (stack.length > 0) {
    const { node, pointer } = stack.pop()!;
    if (!isObject(node)) continue;
    for (const [key, child] of Object.entries(node)) {
      if (child === null || typeof child !== "object" || Array.isArray(child)) continue;
      const at = joinPointer(pointer, key);
      if (key === "examples") {
        for (const [name, example] of Object.entries(child))
          if (isUnreadExternalExample(example)) found.push({ node: example, pointer: joinPointer(at, name) });
      } else stack.push({ node: child, pointer: at });
    }
  }
  return found;
}
