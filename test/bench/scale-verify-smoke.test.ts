/**
 * `npm run bench -- --scale --smoke --only verify`: the verify curve's code paths on tiny pacts (two
 * and four interactions): mockpact verify, --parallel 2 and plain Pact JS each verify the generated
 * pact against the bench's provider, and the table, the chart and the goal are written between the
 * markers of the docs. It measures nothing: no figure is judged.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let folder: string;
let stdout = "";
let code: number | null = null;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "mockpact-bench-scale-verify-"));
  await writeFile(
    join(folder, "performance.md"),
    "# Performance\n\nBy people.\n\n<!-- scale-verify:begin -->\nold\n<!-- scale-verify:end -->\n",
  );
  code = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "bench/run.ts",
        "--scale",
        "--smoke",
        "--only",
        "verify",
        "--docs",
        join(folder, "performance.md"),
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.on("exit", resolve);
  });
}, 590_000);

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("npm run bench -- --scale --smoke --only verify", () => {
  it("verifies each tiny pact with all three runners: a wall time in every cell", () => {
    expect(code).toBe(0);
    for (const size of [2, 4])
      expect(stdout).toMatch(
        new RegExp(`\\| ${size} \\| [\\d.]+ s \\| [\\d.]+ s \\| [\\d.]+ s \\| [\\d.]+x \\| [\\d.]+x \\| [\\d.]+ \\|`),
      );
  });

  it("prints the goal with its load and no verdict, and writes the chart and tables between the markers", async () => {
    expect(stdout).toMatch(
      /\| verify 4 interactions: mockpact >= 2x faster than plain Pact JS \| [\d.]+x \| [\d.]+ \| n\/a \|/,
    );
    const docs = await readFile(join(folder, "performance.md"), "utf8");
    expect(docs).toContain("By people.");
    expect(docs).not.toContain("\nold\n");
    expect(docs).toContain("![verify vs interactions](performance/verify-vs-interactions.svg)");
    expect(await readFile(join(folder, "performance", "verify-vs-interactions.svg"), "utf8")).toContain(
      "plain Pact JS Verifier",
    );
  });
});
