/**
 * A backend that breaks off mid-body (declares Content-Length: N, sends fewer bytes, drops the
 * connection) is an upstream failure, never a quiet success: when the proxy read the body to check
 * it, nothing was sent on yet and the client gets a 502 problem; when the body was streaming, the
 * client's connection is cut as the upstream's was. Either way the exchange, the journal, the
 * console tally and the exit code of `mockpact proxy` say so.
 */
import http from "node:http";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { startCli } from "../support/cli.js";
import { until } from "../support/mocks.js";
import { startTruncatingServer, type TruncatingServer } from "../support/truncating-server.js";
import { startProxy, THINGS, type StartedProxy } from "./proxy-support.js";

const THING = Buffer.from(JSON.stringify({ id: 1, name: "Widget", tags: ["a", "b", "c"] }));
const FILE = Buffer.alloc(256 * 1024, 0x61);

let upstream: TruncatingServer;
beforeAll(async () => {
  // getThing (JSON with a schema: read whole to be checked) and downloadFile (octet-stream: streamed).
  upstream = await startTruncatingServer((req) => {
    if (req.url?.startsWith("/api/things/"))
      return { status: 200, contentType: "application/json", body: THING, sent: 10 };
    if (req.url?.startsWith("/api/files/"))
      return { status: 200, contentType: "application/octet-stream", body: FILE, sent: 64 * 1024 };
    return undefined;
  });
});
afterAll(() => upstream.close());

interface ClientView {
  status?: number;
  contentType?: string;
  body: string;
  bytes: number;
  /** The response arrived whole (Content-Length honoured, message ended). */
  complete: boolean;
}

/** What an HTTP client sees, a cut connection included (fetch would only throw). */
function get(url: string): Promise<ClientView> {
  return new Promise((resolve) => {
    const view: ClientView = { body: "", bytes: 0, complete: false };
    http
      .get(url, { agent: false }, (res) => {
        Object.assign(view, { status: res.statusCode, contentType: res.headers["content-type"] });
        res.on("data", (chunk: Buffer) => {
          view.bytes += chunk.length;
          if (view.body.length < 4096) view.body += chunk.toString();
        });
        res.on("error", () => {}); // "aborted": the cut is what is looked at, through `complete`
        res.on("close", () => resolve({ ...view, complete: res.complete }));
      })
      .on("error", () => resolve(view));
  });
}

describe("mockpact proxy in front of a backend that breaks off mid-body", () => {
  let proxy: StartedProxy;
  beforeAll(async () => {
    proxy = await startProxy({ upstream: upstream.url, fallback: "never" });
  });
  afterAll(() => proxy.close());

  it("answers 502 upstream-incomplete when it read the body for checking", async () => {
    const before = proxy.exchanges.length;
    const seen = await get(`${proxy.url}/api/things/1`);
    expect(seen).toMatchObject({ status: 502, contentType: "application/problem+json", complete: true });
    expect(JSON.parse(seen.body)).toMatchObject({
      type: "urn:mockpact:problem:upstream-incomplete",
      status: 502,
      detail: expect.stringContaining("broke off"),
    });
    const exchange = await proxy.exchange(before + 1);
    expect(exchange).toMatchObject({
      url: "/api/things/1",
      status: 502,
      source: "proxy",
      error: expect.stringContaining(upstream.url),
    });
    const [entry] = await proxy.server.journal.entries(1);
    expect(entry).toMatchObject({
      url: "/api/things/1",
      status: 502,
      answeredBy: "proxy: 502",
      error: expect.stringContaining("broke off"),
    });
  });

  it("cuts the client's connection when it was streaming the body, and says so", async () => {
    const before = proxy.exchanges.length;
    const seen = await get(`${proxy.url}/api/files/big.bin`);
    expect(seen.status).toBe(200);
    expect(seen.complete).toBe(false);
    expect(seen.bytes).toBeLessThan(FILE.length);
    const exchange = await proxy.exchange(before + 1);
    expect(exchange).toMatchObject({
      url: "/api/files/big.bin",
      source: "upstream",
      error: expect.stringContaining("broke off"),
    });
    const [entry] = await proxy.server.journal.entries(1);
    expect(entry).toMatchObject({
      url: "/api/files/big.bin",
      answeredBy: "upstream",
      error: expect.stringContaining("broke off"),
    });
  });
});

describe("mockpact proxy (CLI) in front of a backend that breaks off mid-body", () => {
  it("prints each error, counts both as upstream failures and exits 1 on SIGTERM", async () => {
    const cli = await startCli(["proxy", THINGS, "--upstream", upstream.url, "--fallback", "never", "--port", "0"]);
    // A failed assertion before the SIGTERM below must not leave the process running.
    onTestFinished(
      () => void (cli.child.exitCode === null && cli.child.signalCode === null && cli.child.kill("SIGKILL")),
    );
    expect((await get(`${cli.url}/api/things/1`)).status).toBe(502);
    expect((await get(`${cli.url}/api/files/big.bin`)).complete).toBe(false);
    // An exchange is journaled when the proxy's side of it closes, which may come after the client's.
    const journal = async () =>
      (
        (await (await fetch(`${cli.url}/__mockpact/requests`)).json()) as {
          requests: Array<{ url: string; error?: string }>;
        }
      ).requests;
    await until(async () => (await journal()).length === 2);
    expect((await journal()).map((r) => [r.url, Boolean(r.error)])).toEqual([
      ["/api/files/big.bin", true],
      ["/api/things/1", true],
    ]);
    const exited = once(cli.child, "exit") as Promise<[number | null]>;
    cli.child.kill("SIGTERM");
    const [code] = await exited;
    const { stdout } = cli.output();
    expect(stdout).toMatch(
      /GET \/api\/things\/1 502 getThing proxy [^\n]*\n\s+error GET http:\/\/127\.0\.0\.1:\d+: the upstream's answer broke off/,
    );
    expect(stdout).toMatch(/GET \/api\/files\/big\.bin 200 downloadFile upstream [^\n]*\n\s+error [^\n]*broke off/);
    expect(stdout).toMatch(/2 exchange\(s\), 0 with findings, 0 answered by the mock, 2 upstream failure\(s\)/);
    expect(code).toBe(1);
  });
});
