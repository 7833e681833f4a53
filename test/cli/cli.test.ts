import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { runCli, startCli } from "../support/cli.js";
import { until } from "../support/mocks.js";

describe("mockpact mock", () => {
  it("prints the URL and a table of routes, answers, and exits 0 on SIGTERM", async () => {
    const { child, url, output } = await startCli(["mock", "contracts/shop.yaml", "--port", "0"]);
    try {
      expect(output().stdout).toMatch(/GET\s+http:\/\/127\.0\.0\.1:\d+\/shop\/products\s+listProducts/);
      const res = await fetch(`${url}/shop/products`);
      expect(res.status).toBe(200);
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("groups example warnings at start-up: a few per code, then a count and where the full list is", async () => {
    const { child, output } = await startCli(["mock", "test/contracts/faithful/many-bad-examples.yaml", "--port", "0"]);
    try {
      await until(() => /more like these/.test(output().stderr));
      const lines = output()
        .stderr.split("\n")
        .filter((line) => /EXAMPLE_INVALID|does not match its schema/.test(line));
      expect(lines.length).toBe(4);
      expect(lines[3]).toMatch(
        /EXAMPLE_INVALID: 4 more like these \(7 in all\); `mockpact lint .*many-bad-examples\.yaml` lists every one/,
      );
    } finally {
      child.kill("SIGTERM");
    }
    await once(child, "exit");
  });

  it("exits 2 naming the file when a contract does not load", async () => {
    const run = await runCli(["mock", "test/contracts/bad/broken.yaml", "--port", "0"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/CONTRACT_PARSE .*broken\.yaml:\d+:\d+/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("exits 2 for a flag it cannot use", async () => {
    const run = await runCli(["mock", "contracts", "--port", "not-a-port"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/OPTION_INVALID.*--port/);
  });
});

describe("mockpact lint", () => {
  it("exits 0 on the sample contracts", async () => {
    const run = await runCli(["lint", "contracts"]);
    expect(run.stdout).toMatch(/3 contract\(s\): 0 error\(s\)/);
    expect(run.code).toBe(0);
  });

  it("exits 1 and names the place of each error", async () => {
    const run = await runCli([
      "lint",
      "test/contracts/bad/broken.yaml",
      "test/contracts/bad/root/missing-pointer.yaml",
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/CONTRACT_PARSE .*broken\.yaml:\d+:\d+/);
    expect(run.stdout).toMatch(/REF_NOT_FOUND .*missing-pointer\.yaml #\/paths/);
  });

  it("exits 2 when the path does not exist", async () => {
    const run = await runCli(["lint", "no/such/folder"]);
    expect(run.code).toBe(2);
  });
});
