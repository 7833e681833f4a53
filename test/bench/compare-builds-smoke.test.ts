/**
 * `node bench/compare-builds.mjs <A> <B>`: two builds (here the same one twice) served side by side and
 * loaded in turns, with the server CPU per request of each. It measures nothing here: one short round.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

function compare(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["bench/compare-builds.mjs", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  return new Promise((done) => child.on("exit", (code) => done({ code, stdout, stderr })));
}

describe("bench/compare-builds.mjs", () => {
  it("gives each build's server CPU per request, round by round and as medians", async () => {
    const run = await compare([".", ".", "--rounds", "1", "--seconds", "1", "--settle", "0"]);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { medianMicros: number[]; rounds: number[][] };
    expect(summary.rounds.map((r) => r.length)).toEqual([1, 1]);
    for (const micros of summary.medianMicros) expect(micros).toBeGreaterThan(0);
  }, 60_000);

  it("refuses anything but two builds to compare", async () => {
    const run = await compare(["."]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/usage: node bench\/compare-builds\.mjs <root A> <root B>/);
  });
});
