import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { MockpactError } from "../../errors.js";

/** One 2xx response fixture: which contract and operation it answers, and its body. */
export interface FixtureValue {
  /** The contract id the manifest names, or the folder name where there is no manifest. */
  contract: string;
  operationId: string;
  value: unknown;
}

const MANIFEST = "index.json";
const FIXTURE_FILE = /^2\d\d(?:\.\d+)?\.json$/;

/**
 * The 2xx response fixtures under `dir`, the folder `mockpact fixtures --out` wrote: each
 * `<contract>/index.json` manifest lists its files (names sanitised, JSON or NDJSON lines). A contract
 * folder without a manifest is read by its layout: `<contract>/<operationId>/<status>[.<n>].json`.
 */
export async function readFixtureValues(dir: string): Promise<FixtureValue[]> {
  if (!existsSync(dir)) throw fixturesError(`${dir} does not exist`, dir);
  const folders = [dir, ...(await subfolders(dir)).map((name) => path.join(dir, name))];
  const values: FixtureValue[] = [];
  for (const folder of folders) {
    if (existsSync(path.join(folder, MANIFEST))) values.push(...(await fromManifest(folder)));
    else if (folder !== dir) values.push(...(await fromLayout(folder)));
  }
  return values;
}

interface ManifestFile {
  file: string;
  line?: number;
  kind?: string;
  operationId: string;
  status?: string;
}

async function fromManifest(folder: string): Promise<FixtureValue[]> {
  const manifest = (await readJson(path.join(folder, MANIFEST))) as { contract?: string; files?: ManifestFile[] };
  if (typeof manifest?.contract !== "string" || !Array.isArray(manifest.files))
    throw fixturesError(`${folder}/${MANIFEST} is not a fixtures manifest`, folder);
  const values: FixtureValue[] = [];
  for (const entry of manifest.files) {
    if (entry.kind !== "response" || !/^2\d\d$/.test(entry.status ?? "")) continue;
    const file = path.join(folder, entry.file);
    const value =
      entry.line === undefined
        ? await readJson(file)
        : JSON.parse((await readFile(file, "utf8")).split("\n")[entry.line - 1] ?? "null");
    values.push({ contract: manifest.contract, operationId: entry.operationId, value });
  }
  return values;
}

async function fromLayout(folder: string): Promise<FixtureValue[]> {
  const values: FixtureValue[] = [];
  for (const operationId of await subfolders(folder)) {
    const names = (await readdir(path.join(folder, operationId))).filter((n) => FIXTURE_FILE.test(n)).sort();
    for (const name of names)
      values.push({
        contract: path.basename(folder),
        operationId,
        value: await readJson(path.join(folder, operationId, name)),
      });
  }
  return values;
}

async function subfolders(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch (cause) {
    throw fixturesError(`${file} cannot be read as JSON: ${(cause as Error).message}`, file);
  }
}

export function fixturesError(message: string, file: string): MockpactError {
  return new MockpactError("STATE_FIXTURES_INVALID", `Failed to seed the stateful store: ${message}`, {
    hint: "Give --fixtures the folder `mockpact fixtures --out` wrote (DIR/<contract>/index.json and its files).",
    place: { file },
  });
}
