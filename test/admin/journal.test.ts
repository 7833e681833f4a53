import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ contracts: ["contracts/shop.yaml"] });
});
afterAll(() => mock.close());
beforeEach(async () => {
  expect(
    (
      await call(`${mock.url}/__mockpact/requests`, {
        method: "DELETE",
        headers: { "content-type": "application/json" },
      })
    ).status,
  ).toBe(204);
});

const journal = async (query = "") => (await call(`${mock.url}/__mockpact/requests${query}`)).json;

describe("the request journal", () => {
  it("shows a rejected request with its operation, status and every finding", async () => {
    await call(`${mock.url}/shop/products?limit=abc&offset=-1`);
    const { requests, total } = await journal();
    expect(total).toBe(1);
    expect(requests[0]).toMatchObject({
      seq: 1,
      method: "GET",
      url: "/shop/products?limit=abc&offset=-1",
      operation: { contract: "shop.yaml", operationId: "listProducts", method: "GET", path: "/products" },
      status: 400,
      answeredBy: "rejected",
    });
    expect(requests[0].findings.map((f: { where: string; in: string }) => `${f.in} ${f.where}`).sort()).toEqual([
      "query limit",
      "query offset",
    ]);
  });

  it("shows a body that breaks its schema, the body itself, and a path no contract has", async () => {
    await call(`${mock.url}/shop/products`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": "k" },
      body: '{"name": 3}',
    });
    await call(`${mock.url}/nowhere`);
    const [notFound, invalid] = (await journal()).requests;
    expect(notFound).toMatchObject({ url: "/nowhere", status: 404, answeredBy: "rejected", findings: [] });
    expect(notFound).not.toHaveProperty("operation");
    expect(invalid).toMatchObject({ status: 422, body: '{"name": 3}', operation: { operationId: "createProduct" } });
    expect(invalid.findings.map((f: { keyword: string }) => f.keyword).sort()).toEqual(["required", "type"]);
  });

  it("lists newest first, honours ?limit, and keeps generated answers without findings", async () => {
    for (const id of ["p-1", "p-2", "p-3"]) await call(`${mock.url}/shop/products/${id}`);
    const { requests } = await journal("?limit=2");
    expect(requests.map((r: { url: string }) => r.url)).toEqual(["/shop/products/p-3", "/shop/products/p-2"]);
    expect(requests[0]).toMatchObject({ status: 200, answeredBy: "generated", findings: [] });
  });

  it("stays at its bound after 10,000 requests, keeping the newest", async () => {
    const request = { method: "GET", url: "/shop/products/p-1", headers: {} };
    for (let i = 0; i < 10_000; i++) await mock.server.handle(request); // the pure core: the journal is the core's
    const { requests, total, size } = await journal();
    expect(size).toBe(1000);
    expect(total).toBe(10_000);
    expect(requests).toHaveLength(1000);
    expect(requests[0].seq).toBe(10_000);
    expect(requests[999].seq).toBe(9_001);
  });

  it("keeps --journal-size requests, or none with 0", async () => {
    for (const size of [3, 0]) {
      const small = await startMock({ contracts: ["contracts/shop.yaml"], journalSize: size });
      try {
        for (let i = 0; i < 5; i++) await call(`${small.url}/shop/products/p-${i}`);
        const kept = (await call(`${small.url}/__mockpact/requests`)).json;
        expect(kept).toMatchObject({ total: 5, size });
        expect(kept.requests.map((r: { url: string }) => r.url)).toEqual(
          ["/shop/products/p-4", "/shop/products/p-3", "/shop/products/p-2"].slice(0, size),
        );
      } finally {
        await small.close();
      }
    }
  });

  it("never shows a credential: Authorization, cookies and api keys are redacted", async () => {
    await call(`${mock.url}/shop/orders`, {
      headers: { authorization: "Bearer s3cret-token", cookie: "session=abc123", "x-api-key": "k-42" },
    });
    const { requests } = await journal();
    const text = JSON.stringify(requests);
    expect(text).not.toMatch(/s3cret-token|abc123|k-42/);
    expect(requests[0].headers.authorization).toBe("[redacted]");
  });
});
