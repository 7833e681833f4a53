import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess, type InProcessRun } from "../support/in-process-cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "mockpact-compat-bad-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SHOP = "contracts/shop.yaml";
const WEB = "fixtures/pacts/shop-web-shop-api.json";

function file(name: string, text: string): string {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
}

/** Exit 2, nothing on stdout, one error line naming the code and the file, then a hint; no stack trace. */
function expectLoadError(run: InProcessRun, code: string, names: string): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  const [first, ...rest] = run.stderr.trim().split("\n");
  expect(first).toContain(`error ${code}`);
  expect(first).toContain(names);
  expect(rest.every((l) => l.trim().startsWith("hint:"))).toBe(true);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

describe("compat refuses bad input with exit 2 and the file's name", () => {
  it("a pact that is not JSON", async () => {
    const pact = file("broken.json", "{ not json");
    expectLoadError(await runCliInProcess(["compat", "--pact", pact, "--contract", SHOP]), "PACT_INVALID", pact);
  });

  it("a pact with an interaction missing its request", async () => {
    const doc = JSON.parse(readFileSync(WEB, "utf8"));
    delete doc.interactions[2].request;
    const pact = file("no-request.json", JSON.stringify(doc));
    const run = await runCliInProcess(["compat", "--pact", pact, "--contract", SHOP]);
    expectLoadError(run, "PACT_INVALID", pact);
    expect(run.stderr).toContain("/interactions/2");
    expect(run.stderr).toContain("has no request");
  });

  it("a contract that does not load", async () => {
    const contract = file("broken.yaml", "openapi: 3.0.3\ninfo: [unclosed\n");
    expectLoadError(
      await runCliInProcess(["compat", "--pact", WEB, "--contract", contract]),
      "CONTRACT_PARSE",
      contract,
    );
  });

  it("a contract that does not exist, and no pact at all", async () => {
    expectLoadError(
      await runCliInProcess(["compat", "--pact", WEB, "--contract", path.join(dir, "none.yaml")]),
      "CONTRACT_NOT_FOUND",
      "none.yaml",
    );
    expectLoadError(await runCliInProcess(["compat", "--contract", SHOP]), "OPTION_INVALID", "no pact");
  });

  it("an unknown --fail-on", async () => {
    const run = await runCliInProcess(["compat", "--pact", WEB, "--contract", SHOP, "--fail-on", "never"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--fail-on");
  });
});
