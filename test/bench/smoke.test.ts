/**
 * The benchmark's own test: `npm run bench -- --smoke` runs the code paths of the quick plan (every
 * peer, every scenario of the sample contract, the start-ups, the commands, the goals, the docs
 * writer) with a fixed, tiny number of requests per run, so the bench cannot rot between the runs
 * that measure. It measures nothing: counts are bounded, never time.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wireMockMissing } from "../../bench/peers.js";

let folder: string;
let stdout = "";
let code: number | null = null;
let docs = "";

function runBench(args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/run.ts", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString("utf8")).slice(-4000)));
    child.on("exit", (exitCode) => {
      if (exitCode !== 0) process.stderr.write(stderr);
      resolve(exitCode);
    });
  });
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "mockpact-bench-smoke-"));
  // Hand-written text outside the markers must survive the rewrite.
  await writeFile(
    join(folder, "performance.md"),
    "# Performance\n\nWritten by people.\n\n<!-- bench:begin -->\nold tables\n<!-- bench:end -->\n\nAlso by people.\n",
  );
  code = await runBench(["--smoke", "--docs", join(folder, "performance.md"), "--results", join(folder, "results")]);
  docs = await readFile(join(folder, "performance.md"), "utf8");
}, 590_000);

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("npm run bench -- --smoke", () => {
  it("finishes with exit code 0 and writes its result file", async () => {
    expect(code).toBe(0);
    expect((await readdir(join(folder, "results"))).filter((name) => name.endsWith(".json"))).toHaveLength(1);
  });

  it.each([
    ["bare node:http", "static example: GET /products/p-100"],
    ["Prism 5.14", "static example: GET /products/p-100"],
    ["Mockoon CLI 9.9", "static example: GET /products/p-100"],
    ["mockpact", "dynamic fake (Order)"],
    ["mockpact", "no route: GET /no/such/path"],
  ])("loads %s with %s", (server, scenario) => {
    const row = stdout.split("\n").find((line) => line.includes(scenario) && line.includes(`| ${server} |`));
    expect(row).toBeDefined();
    expect(row).not.toContain("not measured");
  });

  it("loads WireMock with the same bytes, or says why it was skipped", () => {
    const missing = wireMockMissing();
    if (missing) expect(stdout).toContain(missing);
    else expect(stdout).toMatch(/\| sample: static example: GET \/products\/p-100 \| WireMock 3\.13 \| \d+/);
  });

  it("prints each goal with its load average and a verdict", () => {
    expect(stdout).toContain("| goal | figure | load | met |");
    expect(stdout).toMatch(/\| shop-static: mockpact >= 5x WireMock \| .* \| (n\/a|met|\*\*not met\*\*) \|/);
    expect(stdout).toMatch(/Load average \(1 min\): [\d.]+ at the start/);
  });

  it("rewrites only the text between the markers of the docs", () => {
    expect(docs).toContain("Written by people.");
    expect(docs).toContain("Also by people.");
    expect(docs).not.toContain("old tables");
    expect(docs).toContain("| scenario | server | req/s |");
  });
});
