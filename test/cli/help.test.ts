import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

describe("help", () => {
  it.each([["mock"], ["proxy"]])("`mockpact %s -h` shows the help, as --help does, and exits 0", async (command) => {
    const [short, long] = await Promise.all([runCli([command, "-h"]), runCli([command, "--help"])]);
    expect(short.code).toBe(0);
    expect(short.stdout).toMatch(new RegExp(`^Usage: mockpact ${command} `));
    expect(short.stdout).toBe(long.stdout);
    expect(short.stdout).toMatch(/^\s+--host <host>/m);
    expect(short.stdout).not.toMatch(/-h, --host/);
  });

  // Each flag's help names its default: the reader should not need the README to know how long a timeout is.
  const DEFAULTS: Array<[string, string, RegExp]> = [
    ["mock", "--headers-timeout", /--headers-timeout <ms>[^]*?\(default:\s+10000\)/],
    ["mock", "--request-timeout", /--request-timeout <ms>[^]*?\(default:\s+30000\)/],
    ["mock", "--faults", /--faults <kinds>[^]*?\(default:\s+reset,empty,malformed\)/],
    [
      "mock",
      "--log-level",
      /--log-level <level>[^]*?\(choices:\s+"silent",\s+"info",\s+"debug",\s+default:\s+"info"\)/,
    ],
    ["proxy", "--log-format", /--log-format <format>[^]*?\(choices:\s+"text",\s+"json",\s+default:\s+"text"\)/],
    ["proxy", "--timeout", /--timeout <ms>[^]*?\(default:\s+30000\)/],
    ["proxy", "--request-timeout", /--request-timeout <ms>[^]*?\(default:\s+30000\)/],
  ];
  it.each(DEFAULTS)("`mockpact %s --help` shows the default of %s", async (command, _flag, shown) => {
    const run = await runCli([command, "--help"]);
    expect(run.stdout).toMatch(shown);
  });

  it("says that --watch reloads on changes to contracts and mocks files alike", async () => {
    const run = await runCli(["mock", "--help"]);
    expect(run.stdout.replace(/\s+/g, " ")).toMatch(
      /--watch reload when a contract, mocks file or local pact file changes/,
    );
  });
});
