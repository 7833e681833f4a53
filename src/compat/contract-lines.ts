import { readFileSync } from "node:fs";
import path from "node:path";
import { LineCounter, isMap, isSeq, parseDocument, type Node as YamlNode } from "yaml";
import { unescapeToken } from "../contract/pointer.js";

/**
 * Lines of JSON pointers in contract files, for findings a person can jump to. The file's text is
 * parsed once, on the first finding that needs it (loading used a faster parser that keeps no
 * positions). A pointer into a bundled external file, or a file that does not parse, has no line.
 */
export class ContractLines {
  private readonly documents = new Map<string, { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | null>();

  lineOf(file: string, pointer: string): number | undefined {
    const parsed = this.parsed(file);
    if (!parsed || !pointer.startsWith("#")) return undefined;
    let node: unknown = parsed.doc.contents;
    let offset: number | undefined = (node as YamlNode | null)?.range?.[0];
    for (const token of tokensOf(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === token);
        if (!pair) return undefined;
        offset = (pair.key as YamlNode | null)?.range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node)) {
        node = node.items[Number(token)];
        offset = (node as YamlNode | null)?.range?.[0] ?? offset;
      } else return undefined;
    }
    return offset === undefined ? undefined : parsed.lines.linePos(offset).line;
  }

  private parsed(file: string): { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | null {
    let entry = this.documents.get(file);
    if (entry === undefined) {
      try {
        const lines = new LineCounter();
        const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: lines, uniqueKeys: false, strict: false });
        entry = { doc, lines };
      } catch {
        entry = null;
      }
      this.documents.set(file, entry);
    }
    return entry;
  }
}

/** `#/paths/~1products/get` -> ["paths", "/products", "get"]. */
function tokensOf(pointer: string): string[] {
  if (pointer === "#" || pointer === "#/") return [];
  return pointer
    .slice(2)
    .split("/")
    .map((raw) => {
      try {
        return unescapeToken(decodeURIComponent(raw));
      } catch {
        return unescapeToken(raw);
      }
    });
}

/** A contract file as the user knows it: relative to the working folder when it lies below it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
