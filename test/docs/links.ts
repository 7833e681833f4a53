import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** `file:line: what is wrong` for each relative link of a document whose target is not in the repository. */
export function brokenLinks(root: string, file: string): string[] {
  const broken: string[] = [];
  readFileSync(join(root, file), "utf8")
    .split("\n")
    .forEach((text, index) => {
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = match[1]!.split("#")[0]!;
        if (target === "" || /^[a-z]+:/i.test(target)) continue;
        if (!existsSync(join(root, dirname(file), decodeURI(target))))
          broken.push(`${file}:${index + 1}: ${target} is not in the repository`);
      }
    });
  return broken;
}

/** `file:line` of fences a reader may take for runnable shell but the runner skips: ```bash, ```shell, ```zsh. */
export function ambiguousFences(root: string, file: string): string[] {
  const lines = readFileSync(join(root, file), "utf8").split("\n");
  return lines.flatMap((text, index) =>
    /^\s*```(bash|shell|zsh)\s*$/.test(text)
      ? [`${file}:${index + 1}: use \`\`\`sh (runs) or \`\`\`console (does not)`]
      : [],
  );
}
