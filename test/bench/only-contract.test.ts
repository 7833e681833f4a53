/**
 * `npm run bench -- --only <contract>` runs one contract's part of the bench; a name it does not
 * know is refused before anything starts, naming the choices.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("npm run bench -- --only", () => {
  it("refuses a contract it does not know, naming the ones it does", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "bench/run.ts", "--only", "nosuch"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("Failed to read --only nosuch: expected one of shop, github, stripe, stateful");
    expect(run.stdout).not.toContain("| scenario |");
  });
});
