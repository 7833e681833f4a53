import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExampleProvider, type RunningProvider } from "../support/example-provider.js";
import { runCliInProcess as runCli, type InProcessRun as CliRun } from "../support/in-process-cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "mockpact-bad-"));
const webPact = path.resolve("fixtures/pacts/shop-web-shop-api.json");
let provider: RunningProvider;

beforeAll(async () => {
  provider = await startExampleProvider();
});
afterAll(async () => {
  await provider.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A port nothing listens on: bound once, then closed. */
async function closedPort(): Promise<number> {
  const server = http.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Exit 2 with one error line (code, the file or URL, why) and a hint: no stack trace. */
function expectSetupError(run: CliRun, code: string, names: string): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trim().split("\n");
  expect(lines[0]).toContain(`error ${code}`);
  expect(lines[0]).toContain(names);
  expect(lines.slice(1).every((l) => l.trim().startsWith("hint:"))).toBe(true);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

describe("bad input stops verify with exit 2 and a one-line reason", () => {
  it("provider down", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await runCli(["verify", "--provider-base-url", url, "--pact", webPact]);
    expectSetupError(run, "PROVIDER_UNREACHABLE", url);
    expect(run.stderr).toContain("ECONNREFUSED");
  });

  it("a pact file that is not JSON", async () => {
    const file = path.join(dir, "broken.json");
    writeFileSync(file, "{ this is not json");
    const run = await runCli(["verify", "--provider-base-url", provider.url, "--pact", file]);
    expectSetupError(run, "PACT_INVALID", file);
    expect(run.stderr).toContain("it is not JSON");
  });

  it("a pact with an unknown specification version", async () => {
    const file = path.join(dir, "future.json");
    writeFileSync(
      file,
      JSON.stringify({
        consumer: { name: "c" },
        provider: { name: "p" },
        interactions: [],
        metadata: { pactSpecification: { version: "7.0.0" } },
      }),
    );
    const run = await runCli(["verify", "--provider-base-url", provider.url, "--pact", file]);
    expectSetupError(run, "PACT_INVALID", file);
    expect(run.stderr).toContain('pact specification version "7.0.0"');
  });

  it("an interaction with no request (or no response): PACT_INVALID naming it, before anything runs", async () => {
    const file = path.join(dir, "no-request.json");
    writeFileSync(
      file,
      JSON.stringify({
        consumer: { name: "c" },
        provider: { name: "p" },
        interactions: [{ description: "half an interaction", response: { status: 200 } }],
        metadata: { pactSpecification: { version: "3.0.0" } },
      }),
    );
    const run = await runCli(["verify", "--provider-base-url", provider.url, "--pact", file]);
    expectSetupError(run, "PACT_INVALID", file);
    expect(run.stderr).toContain('the interaction at /interactions/0 ("half an interaction") has no request object');
  });

  it("a missing contract", async () => {
    const missing = path.join(dir, "nope.yaml");
    const run = await runCli(["verify", "--provider-base-url", provider.url, "--pact", webPact, "--contract", missing]);
    expectSetupError(run, "CONTRACT_NOT_FOUND", missing);
  });

  it("a missing pact", async () => {
    const missing = path.join(dir, "none.json");
    const run = await runCli(["verify", "--provider-base-url", provider.url, "--pact", missing]);
    expectSetupError(run, "PACT_NOT_FOUND", missing);
  });

  it("a broken contract", async () => {
    const file = path.join(dir, "broken.yaml");
    writeFileSync(file, "openapi: 3.1.0\ninfo: [unclosed\n");
    const run = await runCli(["verify", "--provider-base-url", provider.url, "--pact", webPact, "--contract", file]);
    expectSetupError(run, "CONTRACT_PARSE", file);
  });

  it("usage errors: no pact source, --publish without a version, selectors that are not JSON", async () => {
    const base = ["verify", "--provider-base-url", provider.url];
    expectSetupError(await runCli(base), "OPTION_INVALID", "no pacts to verify");
    expectSetupError(
      await runCli([...base, "--pact", webPact, "--publish"]),
      "OPTION_INVALID",
      "--publish needs --provider-version",
    );
    expectSetupError(
      await runCli([
        ...base,
        "--broker-url",
        "http://127.0.0.1:1",
        "--provider",
        "p",
        "--consumer-version-selectors",
        "{nope",
      ]),
      "OPTION_INVALID",
      "not JSON",
    );
  });
});

describe("a run that verifies nothing", () => {
  const empty = path.join(dir, "empty.json");
  writeFileSync(
    empty,
    JSON.stringify({
      consumer: { name: "c" },
      provider: { name: "p" },
      interactions: [],
      metadata: { pactSpecification: { version: "3.0.0" } },
    }),
  );

  it("warns of a pact with no interactions, and fails when nothing at all was verified", async () => {
    const run = await runCli(["verify", "--provider-base-url", provider.url, "--pact", empty]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`warning ${empty}: the pact has no interactions; nothing of it was verified`);
    expect(run.stderr).toContain(
      "warning no interaction was verified: the run fails (--no-fail-if-no-pacts-found lets it pass)",
    );
  });

  it("passes with --no-fail-if-no-pacts-found, still warning", async () => {
    const run = await runCli([
      "verify",
      "--provider-base-url",
      provider.url,
      "--pact",
      empty,
      "--no-fail-if-no-pacts-found",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("warning no interaction was verified");
  });

  it("an empty pact beside a verified one is a warning only", async () => {
    const run = await runCli([
      "verify",
      "--provider-base-url",
      provider.url,
      "--pact",
      empty,
      "--pact",
      webPact,
      "--states-url",
      `${provider.url}/_pact/states`,
      "--header",
      "Authorization: Bearer consumer-token",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("the pact has no interactions");
  });
});
