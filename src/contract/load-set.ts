import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { MockpactError } from "../errors.js";
import { loadContract, type LoadOptions } from "./load.js";
import type { Contract } from "./model.js";

/**
 * Every command loads its contracts here: files and folders expanded, each file loaded once, and each
 * contract named by the one id rule. The id is the file's name (`shop.yaml`); files that share a name
 * get their path relative to the deepest folder holding them all, with `/` separators (`a/tasks.yaml`,
 * `b/tasks.yaml`). It never holds a machine path, so the fakes it seeds are the same in every
 * checkout, and the mock, the proxy and the fixture writer always agree.
 */
export async function loadContracts(inputs: string[], options: LoadOptions = {}): Promise<Contract[]> {
  const files = [...new Set(await findContractFiles(inputs))];
  const ids = contractIdsOf(files);
  return Promise.all(files.map((file) => loadContract(file, { ...options, id: ids.get(file) })));
}

export function contractIdsOf(files: string[]): Map<string, string> {
  const byName = new Map<string, string[]>();
  for (const file of files) byName.set(path.basename(file), [...(byName.get(path.basename(file)) ?? []), file]);
  const ids = new Map<string, string>();
  for (const [name, same] of byName) {
    const root = same.length > 1 ? commonFolder(same) : undefined;
    for (const file of same)
      ids.set(file, root === undefined ? name : path.relative(root, file).split(path.sep).join("/"));
  }
  return ids;
}

function commonFolder(files: string[]): string {
  if (files.length === 0) return "";
  let root = path.dirname(files[0]!);
  for (const file of files) {
    while (!isInside(file, root)) root = path.dirname(root);
  }
  return root;
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

const CONTRACT_FILE = /\.(ya?ml|json)$/i;
/** A Postman collection names its format near its top (`info.schema`). */
const POSTMAN_SCHEMA = /schema\.getpostman\.com\/json\/collection\/v2\.[01]/;

/**
 * Expands files and folders into contract files. In a folder, a YAML/JSON file is a contract when it
 * declares `openapi:` or `swagger:` near its top, or is a Postman collection; others (shared schemas,
 * pacts) are skipped.
 */
export async function findContractFiles(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) {
      throw new MockpactError("CONTRACT_NOT_FOUND", `Failed to find the contract: ${input} does not exist`, {
        hint: "Give a contract file (YAML or JSON) or a folder of them.",
        place: { file: input },
      });
    }
    if (info.isFile()) files.push(path.resolve(input));
    else files.push(...(await contractsInFolder(input)));
  }
  return files;
}

async function contractsInFolder(folder: string): Promise<string[]> {
  const entries = (await readdir(folder, { withFileTypes: true })).filter(
    (e) => e.isFile() && CONTRACT_FILE.test(e.name),
  );
  const names = entries.map((e) => e.name).sort();
  const found: string[] = [];
  for (const name of names) {
    const file = path.resolve(folder, name);
    const handle = await open(file, "r");
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
      const head = buffer.subarray(0, bytesRead).toString("utf8");
      if (/["']?(openapi|swagger)["']?\s*:/.test(head) || POSTMAN_SCHEMA.test(head)) found.push(file);
    } finally {
      await handle.close();
    }
  }
  return found;
}
