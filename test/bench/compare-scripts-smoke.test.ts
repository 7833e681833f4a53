/**
 * `node bench/compare-builds.mjs <A> <B>`: two builds (here the same one twice) served side by side and
 * loaded in turns, with the server CPU per request of each; `node bench/compare-startups.mjs <A> <B>`:
 * the two started in turns, with the time to the first answer. They measure nothing here: one round.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

function compare(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  return new Promise((done) => child.on("exit", (code) => done({ code, stdout, stderr })));
}

describe("bench/compare-builds.mjs", () => {
  it("gives each build's server CPU per request, round by round and as medians", async () => {
    const run = await compare("bench/compare-builds.mjs", [
      ".",
      ".",
      "--rounds",
      "1",
      "--seconds",
      "1",
      "--settle",
      "0",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { medianMicros: number[]; rounds: number[][] };
    expect(summary.rounds.map((r) => r.length)).toEqual([1, 1]);
    for (const micros of summary.medianMicros) expect(micros).toBeGreaterThan(0);
  }, 60_000);

  it("refuses anything but two builds to compare", async () => {
    const run = await compare("bench/compare-builds.mjs", ["."]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/usage: node bench\/compare-builds\.mjs <root A> <root B>/);
  });
});

describe("bench/compare-startups.mjs", () => {
  it("gives each build's time to the first answer and CPU by then, round by round and as medians", async () => {
    const run = await compare("bench/compare-startups.mjs", [".", ".", "--rounds", "1"]);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as {
      medians: Array<{ ms: number; cpuMs: number }>;
      rounds: unknown[][];
    };
    expect(summary.rounds.map((r) => r.length)).toEqual([1, 1]);
    for (const { ms, cpuMs } of summary.medians) {
      expect(ms).toBeGreaterThan(0);
      expect(cpuMs).toBeGreaterThan(0);
    }
  }, 60_000);

  it("refuses anything but two builds to compare", async () => {
    const run = await compare("bench/compare-startups.mjs", ["."]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/usage: node bench\/compare-startups\.mjs <root A> <root B>/);
  });
});
