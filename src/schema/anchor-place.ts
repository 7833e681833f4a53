/** Where the anchor or id an ajv message names (`... "<id>#name" resolves to more than one schema`) is first written. */
export function placeOfAnchor(document: Record<string, unknown>, message: string): string | undefined {
  const name = /#([A-Za-z_][\w.-]*)"/.exec(message)?.[1];
  if (name === undefined) return undefined;
  const stack: Array<{ node: unknown; pointer: string }> = [{ node: document, pointer: "#" }];
  while (stack.length > 0) {
    const { node, pointer } = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    const record = node as Record<string, unknown>;
    if (record.$anchor === name || record.$dynamicAnchor === name) return pointer;
    for (const [key, child] of Object.entries(record))
      stack.push({ node: child, pointer: `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}` });
  }
  return undefined;
}
