import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One ```sh block of a document: what the docs promise runs as written from the repository root. */
export interface ShellBlock {
  /** The document, relative to the repository root (`docs/verify.md`). */
  file: string;
  /** The line of the opening fence, 1-based: where a reader finds the block. */
  line: number;
  text: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/;

/** The ```sh blocks of one markdown text, in order; ```console, ```text and every other fence are not run. */
export function shellBlocks(file: string, markdown: string): ShellBlock[] {
  const blocks: ShellBlock[] = [];
  const lines = markdown.split(/\r?\n/);
  let open: { fence: string; sh: boolean; line: number; body: string[] } | undefined;
  lines.forEach((text, index) => {
    const fence = FENCE.exec(text);
    if (!open) {
      if (fence) open = { fence: fence[2]!, sh: fence[3] === "sh", line: index + 1, body: [] };
      return;
    }
    if (fence && fence[2]!.startsWith(open.fence) && text.trim() === fence[2]) {
      if (open.sh) blocks.push({ file, line: open.line, text: open.body.join("\n") });
      open = undefined;
      return;
    }
    open.body.push(text);
  });
  return blocks;
}

/** README.md and every docs/*.md of a repository: new documents are picked up without a list to keep. */
export function documentedFiles(root: string): string[] {
  const docs = readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`);
  return ["README.md", ...docs];
}

export function shellBlocksOf(root: string, file: string): ShellBlock[] {
  return shellBlocks(file, readFileSync(join(root, file), "utf8"));
}
