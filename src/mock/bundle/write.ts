import { mkdir } from "node:fs/promises";
import path from "node:path";
import { contractIdsOf, findContractFiles } from "../../contract/index.js";
import { prepareDocument } from "../../contract/load.js";
import { MockpactError, unusableOptions } from "../../errors.js";
import { replaceFile } from "../../report/write-file.js";
import { createLiveState } from "../live-state.js";
import { resolveMockOptions } from "../options.js";
import { readMocksTexts } from "../overrides/read.js";
import { readFixtureValues } from "../state/fixture-files.js";
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundledContract, type MockBundle } from "./format.js";
import { resolveBundleOptions, type BundleOptions } from "./options.js";
import { mockFromBundle } from "./read.js";
import { specialValuesOf } from "./special-values.js";

/**
 * Reads the contracts (external `$ref`s bundled under the same policy as `mockpact mock`), the mocks
 * files and the fixtures into one bundle, and its JSON text. The text is loaded back before it is
 * returned, as a page will load it, so a bundle that would not serve is an error here, with its
 * file and place, and the load warnings go to `onEvent` as `mockpact mock` reports them.
 */
export async function bundleMock(options: BundleOptions = {}): Promise<{ bundle: MockBundle; text: string }> {
  const resolved = resolveBundleOptions(options);
  const files = [...new Set(await findContractFiles(resolved.contracts))];
  const ids = contractIdsOf(files);
  const contracts: BundledContract[] = [];
  for (const file of files) contracts.push(await bundledContract(file, ids.get(file)!, resolved));
  const mocks = (await readMocksTexts(resolved.mocks)).map((m) => ({ file: nameOf(m.file), text: m.text }));
  const fixtures = resolved.fixtures === undefined ? undefined : await readFixtureValues(resolved.fixtures);
  const bundle: MockBundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    contracts,
    mocks,
    ...(fixtures ? { fixtures } : {}),
  };
  const text = JSON.stringify(bundle);
  const mockOptions = resolveMockOptions({
    stateful: fixtures !== undefined,
    fixtures: resolved.fixtures,
    onEvent: resolved.onEvent,
  });
  mockFromBundle(JSON.parse(text), mockOptions, createLiveState(mockOptions));
  return { bundle, text };
}

/** `mockpact bundle`: the bundle of `options`, written to `options.out` whole or not at all. */
export async function writeBundle(
  options: BundleOptions,
): Promise<{ file: string; bytes: number; bundle: MockBundle }> {
  if (!options.out)
    throw unusableOptions("bundle", "no output file was given", "Give --out FILE, e.g. --out public/mockpact.json.");
  const { bundle, text } = await bundleMock(options);
  const file = path.resolve(options.out);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await replaceFile(file, text);
  } catch (cause) {
    throw new MockpactError("BUNDLE_WRITE", `Failed to write the bundle ${options.out}: ${(cause as Error).message}`, {
      hint: "Check that the folder exists or can be created, and that it is writable.",
      place: { file: options.out },
      cause,
    });
  }
  return { file: options.out, bytes: Buffer.byteLength(text), bundle };
}

async function bundledContract(
  file: string,
  id: string,
  options: { refRoot: string | undefined; allowRemoteRefs: boolean },
): Promise<BundledContract> {
  const prepared = await prepareDocument(file, options);
  const specialValues = specialValuesOf(prepared.document);
  return {
    id,
    file: nameOf(file),
    dialect: prepared.dialect,
    document: prepared.document,
    warnings: prepared.warnings.map((w) => ({ ...w, file: nameOf(w.file) })),
    ...(specialValues.length > 0 ? { specialValues } : {}),
  };
}

/** A file as the bundle names it: relative to the folder the command runs in, never a machine path. */
function nameOf(file: string): string {
  return path.relative(process.cwd(), path.resolve(file)).split(path.sep).join("/");
}
