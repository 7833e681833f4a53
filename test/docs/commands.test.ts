import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { documentedFiles, shellBlocksOf } from "./blocks.js";
import { ambiguousFences, brokenLinks } from "./links.js";
import { runDocument } from "./run-document.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PER_DOCUMENT_MS = 240_000;

/**
 * Every ```sh block of README.md and docs/*.md runs as written, from a fresh copy of the repository:
 * the docs cannot drift from what the commands do. Documents run side by side, each in a network
 * namespace of its own where the machine allows it (their servers use the documented fixed ports).
 */
describe.concurrent("every documented ```sh block runs as written", () => {
  for (const file of documentedFiles(ROOT)) {
    const blocks = shellBlocksOf(ROOT, file);
    it.skipIf(blocks.length === 0)(
      `${file} (${blocks.length} blocks)`,
      { timeout: PER_DOCUMENT_MS + 30_000 },
      async () => {
        const run = await runDocument(ROOT, blocks, PER_DOCUMENT_MS);
        // The whole output in the message: an assertion's message would be cut short.
        if (run.failedAt) throw new Error(`${run.failedAt} failed:\n${run.output}`);
      },
    );
  }
});

describe("what the documents point at", () => {
  it("every relative link names a file of the repository", () => {
    expect(documentedFiles(ROOT).flatMap((file) => brokenLinks(ROOT, file))).toEqual([]);
  });

  it("every shell block says whether it runs: ```sh, or ```console / ```text", () => {
    expect(documentedFiles(ROOT).flatMap((file) => ambiguousFences(ROOT, file))).toEqual([]);
  });

  it("the walk-through's scenario shown in README.md and docs/stateful.md is examples/checkout.yaml as it is", () => {
    const scenario = readFileSync(`${ROOT}/examples/checkout.yaml`, "utf8");
    for (const file of ["README.md", "docs/stateful.md"])
      expect(readFileSync(`${ROOT}/${file}`, "utf8"), file).toContain(`\`\`\`yaml\n${scenario}\`\`\``);
  });
});
