import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContracts } from "../../src/contract/index.js";
import { compileContracts } from "../../src/http/engine.js";
import type { ProxiedExchange } from "../../src/proxy/proxied-exchange.js";
import { startVerifyProxy, type VerifyProxy } from "../../src/verify/proxy.js";

/** An upstream that answers what it received, as a getProduct response with extra fields. */
let upstream: http.Server;
let seen: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string } = { headers: {}, body: "" };
let proxy: VerifyProxy;
const exchanges: ProxiedExchange[] = [];

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      res.writeHead(200, { "content-type": "application/json", "x-upstream": "yes" });
      res.end(
        JSON.stringify({
          id: "p-1",
          name: "n",
          price: "free",
          currency: "EUR",
          category: "tools",
          inStock: true,
          createdAt: "2024-03-01T09:30:00Z",
        }),
      );
    });
  });
  upstream.listen(0, "127.0.0.1");
  await new Promise((resolve) => upstream.once("listening", resolve));
  const target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/base`;
  const engine = compileContracts(await loadContracts(["contracts/shop.yaml"]));
  proxy = await startVerifyProxy(target, engine, 5000, (e) => exchanges.push(e));
});
afterAll(async () => {
  await proxy.close();
  await new Promise((resolve) => upstream.close(resolve));
});

describe("the verify proxy", () => {
  it("forwards the request unchanged but for hop-by-hop headers and Host, under the target's base path", async () => {
    // node:http, not fetch: fetch refuses to send hop-by-hop headers at all.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${proxy.url}/shop/products/p-1?x=1&x=2`,
        {
          method: "POST",
          headers: {
            "content-type": "text/plain",
            "x-custom": "kept",
            connection: "keep-alive",
            "keep-alive": "timeout=5",
          },
        },
        (res) => {
          expect(res.headers["x-upstream"]).toBe("yes");
          res.resume().on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.end("raw body, unchanged");
    });
    expect(status).toBe(200);
    expect(seen).toMatchObject({ method: "POST", url: "/base/shop/products/p-1?x=1&x=2", body: "raw body, unchanged" });
    expect(seen.headers["x-custom"]).toBe("kept");
    expect(seen.headers["keep-alive"]).toBeUndefined();
    expect(seen.headers.host).toBe(`127.0.0.1:${(upstream.address() as AddressInfo).port}`);
  });

  it("checks each real response against the contract with the mock's schema code", async () => {
    exchanges.length = 0;
    const response = await fetch(`${proxy.url}/shop/products/p-1`);
    expect(response.status).toBe(200);
    await response.text();
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({
      operationId: "getProduct",
      violations: [expect.objectContaining({ in: "response.body", where: "/price", keyword: "type" })],
    });
  });

  it("answers 502 and records the error when the provider is gone", async () => {
    const dead = await startVerifyProxy("http://127.0.0.1:1", undefined, 2000, (e) => exchanges.push(e));
    exchanges.length = 0;
    const response = await fetch(`${dead.url}/x`);
    expect(response.status).toBe(502);
    await response.text();
    await dead.close();
    expect(exchanges[0]?.error).toMatch(/GET http:\/\/127\.0\.0\.1:1\/x: connect ECONNREFUSED/);
  });
});
