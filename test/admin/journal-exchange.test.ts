/**
 * What the journal keeps of each exchange for the console's opened row: the answer's status, headers
 * and body beside the request's, bounded per entry, and for a 401 a finding naming the credential.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Journal } from "../../src/mock/journal.js";
import { bodyCap, MAX_KEPT_BODY } from "../../src/mock/journal-bounds.js";
import { call, startMock, type RunningMock } from "../support/mock-server.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ contracts: ["contracts/shop.yaml", "contracts/catalog-faker.yaml"] });
});
afterAll(() => mock.close());

const newest = async () => (await call(`${mock.url}/__mockpact/requests?limit=1`)).json.requests[0];

describe("the journal keeps the answer", () => {
  it("keeps the response's headers and body as the client got them", async () => {
    const answer = await call(`${mock.url}/shop/products/p-1`);
    const entry = await newest();
    expect(entry.status).toBe(200);
    expect(entry.response.headers["content-type"]).toBe(answer.headers.get("content-type"));
    expect(JSON.parse(entry.response.body)).toEqual(answer.json);
    expect(entry.response).not.toHaveProperty("bodyLength");
  });

  it("keeps a problem answer too, with its violations header", async () => {
    await call(`${mock.url}/shop/products?limit=abc`);
    const entry = await newest();
    expect(entry.status).toBe(400);
    expect(entry.response.headers["content-type"]).toBe("application/problem+json");
    expect(JSON.parse(entry.response.body).violations[0]).toMatchObject({ in: "query", where: "limit" });
  });
});

/** A 401 names each missing credential: the scheme and where it goes. */
const CREDENTIAL_CASES = [
  {
    request: ["POST", "/shop/products"],
    finding: { in: "header", where: "X-API-Key", keyword: "security" },
    says: 'security scheme "apiKey": header X-API-Key',
  },
  {
    request: ["GET", "/shop/orders"],
    finding: { in: "header", where: "Authorization", keyword: "security" },
    says: 'security scheme "bearerAuth": Authorization bearer',
  },
  {
    request: ["GET", "/catalog/users/2b1c6a8e-0d7e-4a51-9a1b-3b0f6a3c2d10"],
    finding: { in: "query", where: "api_key", keyword: "security" },
    says: 'security scheme "api_key": query api_key',
  },
] as const;

describe("a 401 in the journal", () => {
  it.each(CREDENTIAL_CASES)(
    "$request.1 without credentials names $says",
    async ({ request: [method, path], finding, says }) => {
      const answer = await call(`${mock.url}${path}`, {
        method,
        headers: { "content-type": "application/json" },
        body: method === "POST" ? "{}" : undefined,
      });
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.headers.get("mockpact-violations")!)).toEqual([expect.objectContaining(finding)]);
      const entry = await newest();
      expect(entry).toMatchObject({ status: 401, answeredBy: "rejected", findings: [finding] });
      expect(entry.findings[0].message).toContain(says);
    },
  );
});

describe("the journal's bound per entry", () => {
  const request = { method: "POST", url: "/x", headers: {}, body: new Uint8Array(200_000).fill(65) };
  const record = (body: Uint8Array | string) => ({
    time: 0,
    request,
    status: 200,
    answeredBy: "generated",
    findings: [],
    response: { status: 200, headers: {}, body },
  });

  it("cuts a long body of either direction to the cap, saying how long it was", () => {
    const journal = new Journal(10);
    journal.record(record("é".repeat(100_000)));
    const [entry] = journal.entries(1);
    expect(entry!.bodyLength).toBe(200_000);
    expect(entry!.body).toHaveLength(MAX_KEPT_BODY);
    expect(entry!.response!.bodyLength).toBe(200_000);
    expect(new TextEncoder().encode(entry!.response!.body!).length).toBeLessThanOrEqual(MAX_KEPT_BODY + 2);
  });

  it("copies the bytes it keeps of a long buffer, so the whole buffer can be freed", () => {
    const journal = new Journal(10);
    const big = Buffer.alloc(1_000_000, 66);
    journal.record(record(big));
    const kept = journal.kept()[0]!.response!.body as Uint8Array;
    expect(kept.buffer.byteLength).toBeLessThanOrEqual(MAX_KEPT_BODY);
  });

  it("keeps less of each body in a long journal, 64 MiB per direction in all", () => {
    expect(bodyCap(1000)).toBe(MAX_KEPT_BODY);
    expect(bodyCap(10_000) * 10_000).toBeLessThanOrEqual(64 * 1024 * 1024);
  });
});
