/**
 * `npm run bench -- --mockpact-node-option <option>` starts mockpact's servers with a Node option, so
 * that a V8 setting (such as `--no-memory-reducer`) is measured against the same run's peers.
 */
import { describe, expect, it } from "vitest";
import { mockpactNodeOptionsOf } from "../../bench/plan.js";
import { setUpPinning } from "../../bench/processes.js";
import { contractServerArgs, startContractServer } from "../../bench/servers.js";

describe("bench --mockpact-node-option", () => {
  it.each([
    [[], []],
    [["--only", "shop"], []],
    [["--only", "shop", "--mockpact-node-option", "--no-memory-reducer"], ["--no-memory-reducer"]],
    [
      [
        "--only",
        "github",
        "--mockpact-node-option",
        "--no-memory-reducer",
        "--quick",
        "--mockpact-node-option",
        "--max-semi-space-size=32",
      ],
      ["--no-memory-reducer", "--max-semi-space-size=32"],
    ],
  ])("reads %j as the options %j", (argv, options) => {
    expect(mockpactNodeOptionsOf(argv)).toEqual(options);
  });

  it.each([[["--only", "shop", "--mockpact-node-option"]], [["--mockpact-node-option", "shop"]]])(
    "refuses %j: the value must be a Node option",
    (argv) => {
      expect(() => mockpactNodeOptionsOf(argv)).toThrow(
        /Failed to read --mockpact-node-option: expected a Node option/,
      );
    },
  );

  it.each([
    [["--mockpact-node-option", "--no-memory-reducer"]],
    [["--quick", "--mockpact-node-option", "--no-memory-reducer"]],
    [["--only", "stateful", "--mockpact-node-option", "--no-memory-reducer"]],
    [["--scale", "--only", "growth", "--mockpact-node-option", "--no-memory-reducer"]],
    [["--mockpact-node-option", "--no-memory-reducer", "--only"]],
  ])("refuses %j: only one contract's servers take the option, so nothing runs without it unsaid", (argv) => {
    expect(() => mockpactNodeOptionsOf(argv)).toThrow(
      /Failed to read --mockpact-node-option: it applies to one contract's servers; add `--only shop`/,
    );
  });

  it("puts the options before mockpact's script, and leaves Prism's command line alone", () => {
    const mockpact = contractServerArgs("mockpact", "contracts/shop.yaml", 4010, ["--no-memory-reducer"]);
    expect(mockpact[0]).toBe("--no-memory-reducer");
    expect(mockpact[1]).toMatch(/bin[/\\]mockpact\.js$/);
    expect(contractServerArgs("prism", "contracts/shop.yaml", 4010, ["--no-memory-reducer"])).not.toContain(
      "--no-memory-reducer",
    );
  });

  it("hands the options to node itself: one node refuses fails the start with node's own message", async () => {
    const outcome = await startContractServer(
      "mockpact",
      "contracts/shop.yaml",
      "/products/p-100",
      30_000,
      setUpPinning(false),
      ["--no-such-node-option"],
    );
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toMatch(/exited before answering: .*bad option: --no-such-node-option/);
  });
});
