import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatExchange } from "../../src/cli/proxy-print.js";
import { verifyProvider } from "../../src/verify/verify.js";
import { startUpstream, type RunningUpstream } from "./upstream.js";
import { startProxy, THINGS } from "./proxy-support.js";

const TOKEN = "Bearer s3cret-token";
const COOKIE = "session=cookie-secret-value";
const SECRETS = ["s3cret-token", "cookie-secret-value"];

let upstream: RunningUpstream;
let work: string;

beforeAll(async () => {
  upstream = await startUpstream();
  work = await mkdtemp(path.join(tmpdir(), "mockpact-record-"));
});
afterAll(async () => {
  await upstream.close();
  await rm(work, { recursive: true, force: true });
});

/** The same traffic every time: passing exchanges, a repeat, a mock answer, credentials on two. */
async function traffic(base: string): Promise<void> {
  const json = { "content-type": "application/json" };
  const calls: Array<[string, RequestInit?]> = [
    ["/api/things/3", { headers: { authorization: TOKEN, cookie: COOKIE } }],
    ["/api/things/3"],
    ["/api/things/404"],
    ["/api/things", { method: "POST", headers: json, body: JSON.stringify({ name: "Gizmo", tags: ["x"] }) }],
    ["/api/things", { method: "POST", headers: json, body: JSON.stringify({ name: "" }) }],
    ["/api/me", { headers: { authorization: TOKEN, cookie: COOKIE } }],
    ["/api/reports"],
  ];
  for (const [url, init] of calls) await (await fetch(`${base}${url}`, init)).text();
}

async function recordInto(dir: string, pact: string): Promise<string[]> {
  const proxy = await startProxy({
    upstream: upstream.url,
    record: dir,
    recordPact: pact,
    consumer: "things-web",
    provider: "things-api",
  });
  await traffic(proxy.url);
  await proxy.exchange(7);
  await proxy.close();
  return proxy.exchanges.map((exchange) => formatExchange(exchange));
}

async function filesOf(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(
        path.join(entry.parentPath, entry.name),
        "utf8",
      );
  }
  return out;
}

describe("--record and --record-pact", () => {
  it("records each passing exchange once per operation and status, the same files every time", async () => {
    await recordInto(path.join(work, "a"), path.join(work, "a.pact.json"));
    await recordInto(path.join(work, "b"), path.join(work, "b.pact.json"));
    const a = await filesOf(path.join(work, "a"));
    expect(Object.keys(a).sort()).toEqual([
      "things.yaml/createThing/201.json",
      "things.yaml/createThing/request.json",
      "things.yaml/getMe/200.json",
      "things.yaml/getMe/request.json",
      "things.yaml/getThing/200.json",
      "things.yaml/getThing/404.json",
      "things.yaml/getThing/request.json",
      "things.yaml/index.json",
    ]);
    expect(await filesOf(path.join(work, "b"))).toEqual(a);
    expect(JSON.parse(a["things.yaml/getThing/200.json"]!)).toEqual({ id: 3, name: "Widget", tags: ["a"] });
    expect(await readFile(path.join(work, "b.pact.json"), "utf8")).toBe(
      await readFile(path.join(work, "a.pact.json"), "utf8"),
    );
    await recordInto(path.join(work, "a"), path.join(work, "a.pact.json"));
    expect(await filesOf(path.join(work, "a"))).toEqual(a);
  });

  it("writes a V4 pact with type matchers that verifies with mockpact verify against the same upstream", async () => {
    const pactFile = path.join(work, "a.pact.json");
    const pact = JSON.parse(await readFile(pactFile, "utf8")) as {
      interactions: Array<{ description: string; type: string; response: { matchingRules?: unknown } }>;
      metadata: unknown;
    };
    expect(pact.metadata).toMatchObject({ pactSpecification: { version: "4.0" } });
    expect(pact.interactions.map((i) => i.description)).toEqual([
      "createThing answers 201",
      "getMe answers 200",
      "getThing answers 200",
      "getThing answers 404",
    ]);
    expect(pact.interactions.every((i) => i.type === "Synchronous/HTTP")).toBe(true);
    expect(pact.interactions[0]!.response.matchingRules).toEqual({
      body: { $: { combine: "AND", matchers: [{ match: "type" }] } },
    });
    const result = await verifyProvider({
      providerBaseUrl: upstream.url,
      pacts: [pactFile],
      contracts: [THINGS],
      headers: { Authorization: TOKEN },
    });
    expect(result.ok).toBe(true);
    expect(result.suites[0]?.cases).toHaveLength(4);
  }, 60_000);

  it("forwards Authorization and cookies upstream but never writes them to recordings or logs", async () => {
    const lines = await recordInto(path.join(work, "c"), path.join(work, "c.pact.json"));
    expect(upstream.headersOf("GET /api/me")).toMatchObject({ authorization: TOKEN, cookie: COOKIE });
    const written = [
      ...Object.values(await filesOf(path.join(work, "c"))),
      await readFile(path.join(work, "c.pact.json"), "utf8"),
      ...lines,
    ].join("\n");
    for (const secret of SECRETS) expect(written).not.toContain(secret);
    expect(written.toLowerCase()).not.toMatch(/"(authorization|cookie|set-cookie)"/);
  });
});
