/**
 * `proxy --prefer mock`: "mock these endpoints, pass everything else to the backend". The mock
 * answers what its contract and its mocks entries cover; the rest goes upstream. The default keeps
 * the upstream first.
 */
import { afterEach, describe, expect, it } from "vitest";
import { tempDir } from "../support/mocks.js";
import { startProxy, type StartedProxy } from "./proxy-support.js";
import { startUpstream, type RunningUpstream } from "./upstream.js";

const MOCKS = `
- operation: getThing
  when: { path: { id: "7" } }
  respond: { body: { id: 7, name: overridden } }
- method: GET
  path: /api/health
  respond: { body: { ok: true } }
- method: POST
  path: /api/legacy/{id}
  when: { body: { $.x: 1 } }
  respond: { status: 202, body: { accepted: true } }
`;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setUp(prefer?: "mock" | "upstream"): Promise<{ proxy: StartedProxy; upstream: RunningUpstream }> {
  const temp = await tempDir();
  cleanups.push(temp.remove);
  const upstream = await startUpstream();
  cleanups.push(upstream.close);
  const proxy = await startProxy({
    upstream: upstream.url,
    mocks: [await temp.write("routes.yaml", MOCKS)],
    ...(prefer ? { prefer } : {}),
  });
  cleanups.unshift(proxy.close);
  return { proxy, upstream };
}

async function get(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, source: response.headers.get("mockpact-source"), text };
}

describe("proxy --prefer mock", () => {
  it("answers contract operations and mocks entries from the mock, and sends the rest upstream", async () => {
    const { proxy, upstream } = await setUp("mock");
    const overridden = await get(`${proxy.url}/api/things/7`);
    expect(overridden).toMatchObject({ status: 200, source: "mock; reason=preferred" });
    expect(JSON.parse(overridden.text)).toEqual({ id: 7, name: "overridden" });
    expect((await get(`${proxy.url}/api/things/2`)).source, "an operation of the contract without an entry").toBe(
      "mock; reason=preferred",
    );
    const health = await get(`${proxy.url}/api/health`);
    expect(health).toMatchObject({ status: 200, source: "mock; reason=preferred" });
    const legacy = await get(`${proxy.url}/api/legacy/3`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ x: 1 }),
    });
    expect(legacy, "an entry outside the contract reads the body").toMatchObject({
      status: 202,
      text: '{"accepted":true}',
    });
    const elsewhere = await get(`${proxy.url}/api/elsewhere`);
    expect(elsewhere.source).toBe("upstream");
    expect(upstream.seen).toEqual(["GET /api/elsewhere"]);
  });

  it("marks answers outside the contract in the journal", async () => {
    const { proxy } = await setUp("mock");
    await get(`${proxy.url}/api/health`);
    await proxy.exchange(1);
    const journal = (await (await fetch(`${proxy.url}/__mockpact/requests`)).json()) as { requests: any[] };
    expect(journal.requests[0]).toMatchObject({
      url: "/api/health",
      answeredBy: "mock: preferred",
      outsideContract: true,
      status: 200,
    });
  });
});

describe("proxy with the default --prefer upstream", () => {
  it("keeps the upstream first, mocks entries and all", async () => {
    const { proxy, upstream } = await setUp();
    expect((await get(`${proxy.url}/api/things/7`)).source).toBe("upstream");
    expect((await get(`${proxy.url}/api/health`)).source).toBe("upstream");
    expect(upstream.seen).toEqual(["GET /api/things/7", "GET /api/health"]);
  });
});
