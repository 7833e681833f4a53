/**
 * A provider that breaks off its answer mid-body (declares Content-Length: N, sends fewer bytes, drops
 * the connection) fails its interaction at once, with a finding that names the provider's URL, not
 * the URL of mockpact's proxy in between, which users never configured and cannot look up. The run
 * must not wait for --timeout: it is set to 60 s, above the test's own time limit.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { startTruncatingServer, type TruncatingServer } from "../support/truncating-server.js";
import { writePact, writeThingsContract } from "./support/pacts.js";

const THING = Buffer.from(JSON.stringify({ id: 1, name: "Widget", note: "x".repeat(200) }));
const TIMEOUT_MS = 60_000;
/** Far below --timeout: a run that waits for the rest of the body is killed, and fails, here. */
const RUN_LIMIT_MS = 20_000;

let dir: string;
let provider: TruncatingServer;
let pact: string;
let contract: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "mockpact-truncating-"));
  provider = await startTruncatingServer(() => ({
    status: 200,
    contentType: "application/json",
    body: THING,
    sent: 20,
  }));
  pact = writePact(dir, "web-api", [
    {
      description: "a request for thing 1",
      request: { method: "GET", path: "/things/1" },
      response: { status: 200, body: { id: 1, name: "Widget" } },
    },
  ]);
  contract = writeThingsContract(dir);
});
afterAll(async () => {
  await provider.close();
  rmSync(dir, { recursive: true, force: true });
});

interface VerifyJson {
  providerBaseUrl: string;
  summary: { cases: number; passed: number; failed: number };
  suites: Array<{ cases: Array<{ status: string; findings: Array<{ source: string; message: string }> }> }>;
}

async function verify(name: string, extra: string[]) {
  const json = path.join(dir, `${name}.json`);
  const run = await runCli(
    [
      "verify",
      "--provider-base-url",
      provider.url,
      "--pact",
      pact,
      "--timeout",
      String(TIMEOUT_MS),
      "--json",
      json,
      ...extra,
    ],
    RUN_LIMIT_MS,
  );
  // Killed at the limit (no exit code): the run waited for the missing bytes, as long as --timeout.
  expect(run.code, `mockpact verify still ran after ${RUN_LIMIT_MS} ms`).not.toBeNull();
  const text = readFileSync(json, "utf8");
  return { ...run, text, result: JSON.parse(text) as VerifyJson };
}

/** Every `127.0.0.1:<port>` a text names: only the provider's may appear. */
const portsNamed = (text: string) => [...new Set([...text.matchAll(/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1])))];

describe.each([
  ["with a contract (the proxy reads the body to check it: a 502 to Pact)", true],
  ["without a contract (the proxy streams the body: the cut reaches Pact)", false],
])("mockpact verify against a provider that breaks off mid-body, %s", (_how, withContract) => {
  it("fails the interaction at once, naming the provider's URL and never the proxy's", async () => {
    const run = await verify(withContract ? "checked" : "streamed", withContract ? ["--contract", contract] : []);
    expect(run.code, run.stderr).toBe(1);
    expect(run.result.summary).toMatchObject({ cases: 1, passed: 0, failed: 1 });
    const findings = run.result.suites[0]!.cases[0]!.findings;
    expect(findings).toContainEqual(
      expect.objectContaining({ source: "error", message: expect.stringContaining(`GET ${provider.url}`) }),
    );
    expect(findings.find((f) => f.source === "error")?.message).toMatch(/broke off/);
    const provided = Number(new URL(provider.url).port);
    expect(portsNamed(run.text)).toEqual([provided]);
    expect(portsNamed(run.stdout).filter((port) => port !== provided)).toEqual([]);
    expect(provider.seen).toEqual(expect.arrayContaining(["GET /things/1"]));
    // The pairing header mockpact adds between Pact JS's proxy and its own never reaches the provider.
    expect(Object.keys(provider.lastHeaders).filter((name) => name.startsWith("x-mockpact"))).toEqual([]);
  }, 30_000);
});
