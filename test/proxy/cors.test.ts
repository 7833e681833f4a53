import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProxyServer, type ProxyServer } from "../../src/proxy/server.js";

const ORIGIN = "http://localhost:5173";

/** A backend that answers /items with a header of its own, and sees every request. */
function startBackend(seen: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "application/json", "x-rate-limit-remaining": "7", etag: '"v1"' });
    res.end('["a"]');
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("proxy --cors", () => {
  const seen: string[] = [];
  let backend: Server;
  let proxy: ProxyServer;
  let url: string;
  beforeAll(async () => {
    backend = await startBackend(seen);
    const upstream = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
    proxy = await createProxyServer({ contracts: ["test/contracts/cors/rated.yaml"], upstream, cors: true, port: 0 });
    url = await proxy.listen();
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise((resolve) => backend.close(resolve));
  });

  it("lets a script read the backend's headers and the proxy's own", async () => {
    const res = await fetch(`${url}/items`, { headers: { origin: ORIGIN } });
    const exposed = (res.headers.get("access-control-expose-headers") ?? "").split(", ");
    expect(res.headers.get("x-rate-limit-remaining")).toBe("7");
    expect(exposed).toEqual(
      expect.arrayContaining(["x-rate-limit-remaining", "etag", "mockpact-source", "mockpact-violations"]),
    );
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
  });

  it("answers a browser's preflight itself, without calling the backend", async () => {
    const before = seen.length;
    const res = await fetch(`${url}/items`, {
      method: "OPTIONS",
      headers: { origin: ORIGIN, "access-control-request-method": "POST" },
    });
    expect(res.status).toBe(204);
    expect(seen.length).toBe(before);
  });
});
