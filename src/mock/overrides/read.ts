import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { MockpactError } from "../../errors.js";
import type { MocksText } from "./parse.js";

const MOCKS_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

/** The files of `paths`: files as given, folders' YAML and JSON files (not recursive) by name. */
export async function findMocksFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined);
    if (!info)
      throw new MockpactError("MOCKS_NOT_FOUND", `Failed to read mocks: ${given} does not exist`, {
        hint: "Give --mocks a mocks file or a folder of them.",
        place: { file: given },
      });
    if (!info.isDirectory()) files.push(given);
    else {
      const names = (await readdir(given)).filter((n) => MOCKS_EXTENSIONS.has(path.extname(n).toLowerCase())).sort();
      files.push(...names.map((n) => path.join(given, n)));
    }
  }
  return [...new Set(files)];
}

/** The text of every mocks file under `paths`, in the order findMocksFiles gives. */
export async function readMocksTexts(paths: string[]): Promise<MocksText[]> {
  if (paths.length === 0) return [];
  const texts: MocksText[] = [];
  for (const file of await findMocksFiles(paths)) {
    const text = await readFile(file, "utf8").catch((cause: Error) => {
      throw new MockpactError("MOCKS_NOT_FOUND", `Failed to read mocks file: ${cause.message}`, {
        hint: "Check the path and its permissions.",
        place: { file },
        cause,
      });
    });
    texts.push({ file, text });
  }
  return texts;
}
