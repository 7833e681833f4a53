/**
 * `mockpact verify --provider-base-url https://...`: the validating proxy calls the provider over
 * TLS, trusting what Node trusts (here a self-signed certificate through NODE_EXTRA_CA_CERTS, as
 * teams do with an internal CA), and still checks every response against the contract.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { exampleProviderApp } from "../support/example-provider.js";
import { selfSignedCertificate, type SelfSigned } from "../support/tls.js";

const PACT = "fixtures/pacts/shop-legacy-shop-api.json";
let dir: string;
let tls: SelfSigned;
let server: https.Server;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "mockpact-https-"));
  tls = selfSignedCertificate(dir);
  server = https.createServer({ key: tls.key, cert: tls.cert }, exampleProviderApp());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function verify(env: NodeJS.ProcessEnv, name: string, states: string[]) {
  const json = path.join(dir, `${name}.json`);
  const run = await runCli(
    [
      "verify",
      "--provider-base-url",
      url,
      "--pact",
      PACT,
      "--contract",
      "contracts/shop.yaml",
      ...states,
      "--json",
      json,
    ],
    45_000,
    env,
  );
  return {
    ...run,
    result: JSON.parse(readFileSync(json, "utf8")) as {
      providerBaseUrl: string;
      summary: Record<string, number>;
      suites: Array<{ cases: Array<{ findings: Array<{ message: string }> }> }>;
    },
  };
}

describe("mockpact verify against an https provider", () => {
  it("verifies clean when the provider's certificate is trusted through NODE_EXTRA_CA_CERTS", async () => {
    const run = await verify({ NODE_EXTRA_CA_CERTS: tls.certFile }, "trusted", ["--states-url", `${url}/_pact/states`]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.result.providerBaseUrl).toBe(url);
    expect(run.result.summary).toMatchObject({ cases: 2, passed: 2, failed: 0 });
  }, 60_000);

  it("fails every interaction with the certificate error when nothing trusts it (TLS is checked, not skipped)", async () => {
    const run = await verify({ NODE_EXTRA_CA_CERTS: "" }, "untrusted", []);
    expect(run.code).toBe(1);
    expect(run.result.summary).toMatchObject({ cases: 2, passed: 0, failed: 2 });
    const messages = run.result.suites.flatMap((s) => s.cases.flatMap((c) => c.findings.map((f) => f.message)));
    expect(messages.join("\n")).toMatch(/self-signed certificate/);
  }, 60_000);

  it("a states URL whose certificate nothing trusts fails each setup, saying so", async () => {
    const run = await verify({ NODE_EXTRA_CA_CERTS: "" }, "untrusted-states", ["--states-url", `${url}/_pact/states`]);
    expect(run.code).toBe(1);
    const messages = run.result.suites.flatMap((s) => s.cases.flatMap((c) => c.findings.map((f) => f.message)));
    expect(messages).toContain(
      `provider state "product p-100 exists" failed on setup: the states URL ${url}/_pact/states could not be called: its TLS certificate is self-signed and not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)`,
    );
  }, 60_000);
});
