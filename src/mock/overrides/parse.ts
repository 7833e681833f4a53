import type { Document, LineCounter } from "yaml";
import { MockpactError } from "../../errors.js";
import { yamlPackage } from "../load-on-demand.js";

/** A mocks file as read: its name (as given, or inside a bundle) and its text. */
export interface MocksText {
  file: string;
  text: string;
}

/** One entry of a mocks file as written, with the means to name the line of any of its fields. */
export interface RawEntry {
  file: string;
  /** Position in the file's list, from 0. */
  index: number;
  value: unknown;
  /** The line of the field at `path` inside the entry (or of the nearest enclosing one). */
  lineOf(path?: Array<string | number>): number;
}

/**
 * Parses a mocks file (YAML, or JSON, which YAML reads too) keeping a line counter, so that every
 * later message can name the line of an entry or one of its fields. The top level is a list of
 * entries, or `{ mocks: [...] }` (JSON files need the object to carry `$schema`).
 */
export function parseMocksText({ file, text }: MocksText): RawEntry[] {
  const yaml = yamlPackage();
  const lines = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const at = lines.linePos(error.pos[0]);
    throw new MockpactError("MOCKS_PARSE", `Failed to parse mocks file: ${error.message}`, {
      hint: "Fix the YAML (or JSON) syntax at this line.",
      place: { file, line: at.line, column: at.col },
      cause: error,
    });
  }
  const { items, prefix } = entriesOf(doc, file);
  return items.map((value, index) => ({
    file,
    index,
    value,
    lineOf: (p = []) => lineAt(doc, lines, [...prefix, index, ...p]),
  }));
}

function entriesOf(doc: Document, file: string): { items: unknown[]; prefix: Array<string | number> } {
  const root: unknown = doc.toJS({ maxAliasCount: 100 });
  if (root === null || root === undefined) return { items: [], prefix: [] };
  if (Array.isArray(root)) return { items: root, prefix: [] };
  if (typeof root === "object" && Array.isArray((root as { mocks?: unknown }).mocks)) {
    const extra = Object.keys(root).filter((k) => k !== "mocks" && k !== "$schema");
    if (extra.length === 0) return { items: (root as { mocks: unknown[] }).mocks, prefix: ["mocks"] };
  }
  throw new MockpactError(
    "MOCKS_INVALID",
    "Failed to read mocks file: the top level must be a list of entries, or an object with `mocks:` (and `$schema:`)",
    {
      hint: "Start the file with `- operation: ...` entries; see docs/stateful.md.",
      place: { file, line: 1 },
    },
  );
}

/** The line of the deepest node of `nodePath` that exists (1-based). */
function lineAt(doc: Document, lines: LineCounter, nodePath: Array<string | number>): number {
  for (let depth = nodePath.length; depth >= 0; depth--) {
    const node = doc.getIn(nodePath.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}
