import { BUNDLE_FLAGS } from "../mock/bundle/flags.js";
import type { BundleOptions } from "../mock/bundle/options.js";
import type { CliCommand } from "./command.js";
import { green, printError, printMockEvent } from "./print.js";

export const bundleCommand: CliCommand<BundleOptions> = {
  name: "bundle",
  description: "write contracts, mocks files and fixtures into one JSON file for the MSW handlers in a browser",
  flags: BUNDLE_FLAGS,
  run: runBundle,
};

async function runBundle(options: BundleOptions): Promise<number> {
  try {
    // Loaded on use: `mockpact mock` must not pay for the bundle writer at start-up.
    const { writeBundle } = await import("../mock/bundle/write.js");
    const { file, bytes, bundle } = await writeBundle({ ...options, onEvent: printMockEvent });
    const what = `${bundle.contracts.length} contract(s), ${bundle.mocks.length} mocks file(s)${bundle.fixtures ? `, ${bundle.fixtures.length} fixture(s)` : ""}`;
    process.stdout.write(`${green("wrote")} ${file}: ${what}, ${bytes.toLocaleString("en-US")} bytes\n`);
    return 0;
  } catch (error) {
    printError(error);
    return 2;
  }
}
