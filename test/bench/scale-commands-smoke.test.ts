/**
 * `npm run bench -- --scale --smoke --only compat` and `--only fixtures`: the code paths of the
 * compat curve (generated pacts checked by mockpact compat and swagger-mock-validator) and of the
 * fixtures curve (mockpact fixtures on generated contracts beside plain json-schema-faker), on tiny
 * sizes, each writing its chart and table between its own markers. It measures nothing.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let folder: string;
const stdout: Record<string, string> = {};
const codes: Record<string, number | null> = {};

function runCurve(name: string): Promise<void> {
  stdout[name] = "";
  const args = ["--import", "tsx", "bench/run.ts", "--scale", "--smoke", "--only", name];
  const child = spawn(process.execPath, [...args, "--docs", join(folder, "performance.md")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  child.stdout.on("data", (chunk: Buffer) => (stdout[name] += chunk.toString("utf8")));
  return new Promise((done) => child.on("exit", (code) => ((codes[name] = code), done())));
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "mockpact-bench-scale-commands-"));
  await writeFile(
    join(folder, "performance.md"),
    [
      "# Performance\n\nBy people.\n",
      "<!-- scale-verify:begin -->\nverify stays\n<!-- scale-verify:end -->\n",
      "<!-- scale-compat:begin -->\nold compat\n<!-- scale-compat:end -->\n",
      "<!-- scale-fixtures:begin -->\nold fixtures\n<!-- scale-fixtures:end -->\n",
    ].join("\n"),
  );
  await runCurve("compat");
  await runCurve("fixtures");
}, 590_000);

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("npm run bench -- --scale --smoke --only compat / --only fixtures", () => {
  it("checks each tiny pact set with both checkers: a wall time, interactions/s and a speed-up in every row", () => {
    expect(codes.compat).toBe(0);
    for (const [pacts, interactions] of [
      [2, 4],
      [3, 6],
    ])
      expect(stdout.compat).toMatch(
        new RegExp(
          `\\| ${pacts} \\| ${interactions} \\| [\\d.]+ s \\| [\\d.]+ s \\| [\\d,]+ \\| [\\d,]+ \\| [\\d.]+x \\| [\\d.]+ \\|`,
        ),
      );
  });

  it("writes fixtures for each tiny contract and runs the faker on the same schemas: files/s, MB/s and a share of the ceiling", () => {
    expect(codes.fixtures).toBe(0);
    for (const operations of [4, 10])
      expect(stdout.fixtures).toMatch(
        new RegExp(
          `\\| ${operations} \\| ${operations} files, [\\d.]+ s \\| [\\d,]+ \\| [\\d.e-]+ \\| ${operations} values, [\\d.]+ m?s \\| [\\d,]+ \\| [\\d.e-]+ \\| [\\d.]+% \\| [\\d.]+ \\|`,
        ),
      );
  });

  it("writes both charts and tables between their own markers and leaves the rest of the docs alone", async () => {
    const docs = await readFile(join(folder, "performance.md"), "utf8");
    expect(docs).toContain("By people.");
    expect(docs).toContain("\nverify stays\n");
    expect(docs).not.toContain("old compat");
    expect(docs).not.toContain("old fixtures");
    expect(docs).toContain("![compat vs pacts](performance/compat-vs-pacts.svg)");
    expect(docs).toContain("![fixtures vs operations](performance/fixtures-vs-operations.svg)");
    expect(await readFile(join(folder, "performance", "compat-vs-pacts.svg"), "utf8")).toContain(
      "swagger-mock-validator",
    );
    expect(await readFile(join(folder, "performance", "fixtures-vs-operations.svg"), "utf8")).toContain(
      "json-schema-faker",
    );
  });
});
