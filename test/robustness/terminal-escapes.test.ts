/**
 * Names, descriptions and titles come from pacts (a broker serves anyone's) and contracts: printed
 * raw, an escape sequence in one rewrites the CI log line above it, hides a failure, or rings the
 * terminal. Every place mockpact prints them, and its JUnit and HTML reports, writes control
 * characters out as \uXXXX instead.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printable } from "../../src/redact.js";
import { runCli, startCli } from "../support/cli.js";

/** What a hostile string carries: erase the line, go back to its start, move up, ring, C1 CSI, bidi override. */
const HOSTILE = ["\u001b[2K", "\r", "\u001b[1A", "\u0007", "\u009b31m", "\u202e"];
const EVIL = `${HOSTILE.join("")}all passed`;
/** NO_COLOR is set by runCli/startCli: mockpact's own output then has no control character but the newline. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

let work: string;
let pact: string;
let contract: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "mockpact-escapes-"));
  pact = path.join(work, "evil.json");
  await writeFile(
    pact,
    JSON.stringify({
      consumer: { name: `web${EVIL}` },
      provider: { name: "shop" },
      interactions: [
        {
          description: `lists products${EVIL}`,
          request: { method: "GET", path: "/products" },
          response: { status: 200, headers: { "Content-Type": "application/json" }, body: { items: "not an array" } },
        },
      ],
      metadata: { pactSpecification: { version: "3.0.0" } },
    }),
  );
  contract = path.join(work, "evil.yaml");
  await writeFile(
    contract,
    `openapi: 3.0.3\ninfo: { title: ${JSON.stringify(`Shop${EVIL}`)}, version: "1" }\npaths:\n  /p:\n    get:\n      operationId: ${JSON.stringify(`get${EVIL}`)}\n      responses: { "200": { description: ok, content: { application/json: { schema: { type: integer }, example: ${JSON.stringify(`not a number${EVIL}`)} } } } }\n`,
  );
});
afterAll(() => rm(work, { recursive: true, force: true }));

function expectEscaped(output: string, where: string): void {
  expect(output, where).not.toMatch(CONTROL);
  expect(output, where).toContain(printable(EVIL));
}

describe("printed to a terminal", () => {
  it("compat: pact names and descriptions, on the console", async () => {
    const run = await runCli(["compat", "--pact", pact, "--contract", "contracts/shop.yaml"]);
    expect(run.code).toBe(1);
    expectEscaped(run.stdout, "stdout");
  });

  it("mock --pact: the stub table", async () => {
    const cli = await startCli(["mock", "--pact", pact, "-p", "0", "--no-admin"]);
    cli.child.kill("SIGTERM");
    expectEscaped(cli.output().stdout, "stdout");
  });

  it("mock: the contract's title and operationIds, and warnings about its examples", async () => {
    const cli = await startCli(["mock", contract, "-p", "0", "--no-admin"]);
    cli.child.kill("SIGTERM");
    expectEscaped(cli.output().stdout, "stdout");
    expect(cli.output().stderr).not.toMatch(CONTROL);
  });

  it("lint: findings about the contract", async () => {
    const run = await runCli(["lint", contract]);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(CONTROL);
  });
});

describe("written to reports", () => {
  it.each(["junit", "html"])("compat --%s", async (kind) => {
    const file = path.join(work, `report.${kind}`);
    await runCli(["compat", "--pact", pact, "--contract", "contracts/shop.yaml", `--${kind}`, file]);
    const text = await readFile(file, "utf8");
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain(printable(EVIL).replace(/&/g, "&amp;"));
  });
});
