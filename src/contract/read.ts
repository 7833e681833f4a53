import { readFile } from "node:fs/promises";
import jsYaml from "js-yaml";
import { MockpactError } from "../errors.js";
import { expandedSize, mayHaveAliases } from "./alias-expansion.js";

/**
 * Reads and parses one contract file. JSON goes through JSON.parse and YAML through js-yaml: both
 * are several times faster than the `yaml` package on 5-13 MB documents (stripe: 0.2 s vs 1.4 s),
 * and start-up on large contracts is a goal. Parse errors name the file, line and column.
 */
export async function readDocument(file: string): Promise<unknown> {
  return (await readDocumentSource(file)).parsed;
}

/** The parsed document and the text it was parsed from (a plain search of the text can spare a walk of the document). */
export async function readDocumentSource(file: string): Promise<{ parsed: unknown; text: string }> {
  const text = await readText(file);
  return { parsed: parseDocumentText(text, file), text };
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new MockpactError("CONTRACT_NOT_FOUND", `Failed to read the contract: ${file} does not exist`, {
        hint: "Check the path; give a contract file (YAML or JSON) or a folder of them.",
        place: { file },
        cause,
      });
    }
    throw new MockpactError("CONTRACT_READ", `Failed to read the contract: ${(cause as Error).message}`, {
      hint: "Check that the file is readable by this user.",
      place: { file },
      cause,
    });
  }
}

/** Editors on Windows save UTF-8 with a byte order mark: YAML ignores it, JSON.parse does not. */
const BYTE_ORDER_MARK = "\uFEFF";

export function parseDocumentText(raw: string, file: string): unknown {
  const text = raw.startsWith(BYTE_ORDER_MARK) ? raw.slice(1) : raw;
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return parseJson(text, file);
  return parseYaml(text, file);
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const message = (cause as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
    const { line, column } = Number.isNaN(position)
      ? { line: undefined, column: undefined }
      : lineColumnAt(text, position);
    throw new MockpactError("CONTRACT_PARSE", `Failed to parse the contract as JSON: ${message}`, {
      hint: "Fix the JSON syntax at the place shown (a trailing comma or a missing quote is the usual cause).",
      place: { file, line, column },
      cause,
    });
  }
}

function parseYaml(text: string, file: string): unknown {
  let doc: unknown;
  try {
    doc = jsYaml.load(text, { filename: file, json: true });
  } catch (cause) {
    const mark = (cause as { mark?: { line: number; column: number } }).mark;
    const reason = (cause as { reason?: string }).reason ?? (cause as Error).message;
    throw new MockpactError("CONTRACT_PARSE", `Failed to parse the contract as YAML: ${reason}`, {
      hint: "Fix the YAML at the place shown (indentation and unquoted ':' are the usual causes).",
      place: { file, line: mark ? mark.line + 1 : undefined, column: mark ? mark.column + 1 : undefined },
      cause,
    });
  }
  if (mayHaveAliases(text)) refuseAliasBombs(doc, file);
  return doc;
}

/** js-yaml shares an anchored node at each of its aliases: a few lines can stand for billions of nodes, or a cycle. */
function refuseAliasBombs(doc: unknown, file: string): void {
  const expansion = expandedSize(doc);
  if (expansion.kind === "size") return;
  const what =
    expansion.kind === "cycle"
      ? "an alias (*name) stands inside the node it names, a cycle no JSON document can hold"
      : `its aliases (*name) expand to more than ${expansion.limit.toLocaleString("en-US")} values (a "billion laughs" document)`;
  throw new MockpactError("CONTRACT_PARSE", `Failed to parse the contract as YAML: ${what}`, {
    hint: "Write the repeated parts out, or use $ref for them: OpenAPI tools do not expand YAML aliases safely.",
    place: { file },
  });
}

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
