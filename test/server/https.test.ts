/**
 * `--https` and `--cert`/`--key`: real TLS clients (node:https) that trust only the certificate the
 * server reports, as a developer would trust it once; a client that trusts nothing is refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import { X509Certificate } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { createMockServer } from "../../src/mock/server.js";
import { startCli } from "../support/cli.js";
import { selfSignedCertificate } from "../support/tls.js";
import { startProxy, THINGS } from "../proxy/proxy-support.js";
import { startUpstream } from "../proxy/upstream.js";

const TASKS = "test/contracts/tasks.yaml";
const dir = mkdtempSync(path.join(tmpdir(), "mockpact-https-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** GET over TLS trusting `ca` alone (undefined: the system's CAs); resolves with the status, or the TLS error's code. */
function get(
  url: string,
  ca: string | undefined,
  servername?: string,
): Promise<{ status?: number; body?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = https.get(url, { ca, servername, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode, body }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

describe("mock --https with a certificate made at start", () => {
  it("serves TLS that a client trusting the reported certificate accepts, for 127.0.0.1 and localhost", async () => {
    const server = await createMockServer({ contracts: [TASKS], https: true, port: 0 });
    const url = await server.listen();
    onTestFinished(() => server.close());
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const tls = server.tls!;
    const certificate = new X509Certificate(tls.cert);
    expect(tls.selfSigned).toBe(true);
    expect(tls.fingerprint).toBe(certificate.fingerprint256);
    expect(certificate.subjectAltName).toMatch(/DNS:localhost/);
    expect(certificate.subjectAltName).toMatch(/IP Address:127\.0\.0\.1/);
    expect(certificate.subjectAltName).toMatch(/IP Address:0:0:0:0:0:0:0:1|IP Address:::1/);

    const viaIp = await get(`${url}/api/tasks`, tls.cert);
    expect(viaIp.status).toBe(200);
    const port = new URL(url).port;
    expect((await get(`https://127.0.0.1:${port}/api/tasks`, tls.cert, "localhost")).status).toBe(200);
    expect((await get(`${url}/__mockpact/requests`, tls.cert)).status, "the admin API is served over TLS too").toBe(
      200,
    );
    expect((await get(`${url}/api/tasks`, undefined)).error, "a client that trusts nothing refuses it").toMatch(
      /SELF_SIGNED|UNABLE_TO_VERIFY|CERT/,
    );
  });

  it("makes a new certificate at each start", async () => {
    const first = await createMockServer({ contracts: [TASKS], https: true, port: 0 });
    const second = await createMockServer({ contracts: [TASKS], https: true, port: 0 });
    expect(first.tls!.fingerprint).not.toBe(second.tls!.fingerprint);
  });
});

describe("proxy --cert/--key", () => {
  it("serves the given certificate and forwards to a plain HTTP upstream", async () => {
    const own = selfSignedCertificate(dir);
    const keyFile = path.join(dir, "key.pem");
    const upstream = await startUpstream();
    onTestFinished(() => upstream.close());
    const proxy = await startProxy({ upstream: upstream.url, cert: own.certFile, key: keyFile });
    onTestFinished(() => proxy.close());
    expect(proxy.url).toMatch(/^https:/);
    expect(proxy.server.tls).toMatchObject({
      selfSigned: false,
      fingerprint: new X509Certificate(own.cert).fingerprint256,
    });
    const answer = await get(`${proxy.url}/api/things/1`, own.cert.toString());
    expect(answer.status).toBe(200);
    expect(upstream.seen).toContain("GET /api/things/1");
  });
});

describe("certificate options that cannot be used", () => {
  const own = selfSignedCertificate(mkdtempSync(path.join(dir, "own-")));
  const other = selfSignedCertificate(mkdtempSync(path.join(dir, "other-")));
  const notPem = path.join(dir, "not-a-cert.pem");
  writeFileSync(notPem, "hello\n");
  const ownKey = path.join(path.dirname(own.certFile), "key.pem");
  const otherKey = path.join(path.dirname(other.certFile), "key.pem");
  const cases: Array<[string, { cert?: string; key?: string }, string, RegExp]> = [
    ["--cert without --key", { cert: own.certFile }, "OPTION_INVALID", /--cert and --key are given together/],
    ["--key without --cert", { key: ownKey }, "OPTION_INVALID", /--cert and --key are given together/],
    [
      "a certificate file that is missing",
      { cert: path.join(dir, "missing.pem"), key: ownKey },
      "TLS_INVALID",
      /missing\.pem.*cannot be read \(ENOENT\)/,
    ],
    [
      "a certificate that is not PEM",
      { cert: notPem, key: ownKey },
      "TLS_INVALID",
      /not-a-cert\.pem.*not a PEM certificate/,
    ],
    [
      "a key that is not PEM",
      { cert: own.certFile, key: notPem },
      "TLS_INVALID",
      /not-a-cert\.pem.*not a PEM private key/,
    ],
    ["the key of another certificate", { cert: own.certFile, key: otherKey }, "TLS_INVALID", /not the private key of/],
  ];
  it.each(cases)("%s is refused at start with %s", async (_name, options, code, message) => {
    const failure = await createMockServer({ contracts: [THINGS], port: 0, ...options }).then(
      () => undefined,
      (error: { code: string; message: string }) => error,
    );
    expect(failure?.code).toBe(code);
    expect(failure?.message).toMatch(message);
  });
});

describe("mockpact mock --https on the command line", () => {
  it("prints the certificate's fingerprint and an https URL", async () => {
    const cli = await startCli(["mock", TASKS, "--https", "--port", "0"]);
    onTestFinished(() => void cli.child.kill("SIGTERM"));
    expect(cli.url).toMatch(/^https:\/\/127\.0\.0\.1:/);
    expect(cli.output().stdout).toMatch(
      /https self-signed certificate made at start \(localhost, 127\.0\.0\.1, ::1\), SHA-256 fingerprint ([0-9A-F]{2}:){31}[0-9A-F]{2}/,
    );
  });
});
