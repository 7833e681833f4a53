import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";

const dir = mkdtempSync(path.join(tmpdir(), "mockpact-stubs-"));
const PACTS = "fixtures/pacts";
const SHOP = "contracts/shop.yaml";
const json = { "content-type": "application/json" };

/** A pact of its own: one request, two provider states, two answers; and a success the contract refuses. */
const states = path.join(dir, "states.json");
writeFileSync(
  states,
  JSON.stringify({
    consumer: { name: "states-web" },
    provider: { name: "shop-api" },
    metadata: { pactSpecification: { version: "3.0.0" } },
    interactions: [
      {
        description: "item 1 exists",
        providerStates: [{ name: "item 1 exists" }],
        request: { method: "GET", path: "/items/1" },
        response: { status: 200, headers: json, body: { id: 1 } },
      },
      {
        description: "item 1 is gone",
        providerStates: [{ name: "item 1 is gone" }],
        request: { method: "GET", path: "/items/1" },
        response: { status: 404, headers: json, body: { gone: true } },
      },
      {
        description: "an empty order (the contract requires an item)",
        request: {
          method: "POST",
          path: "/shop/orders",
          headers: { "Content-Type": "application/json", Authorization: "Bearer t" },
          body: { items: [], shippingAddress: { line1: "a", city: "b", postalCode: "123", country: "DE" } },
        },
        response: { status: 201, headers: json, body: { id: 1 } },
      },
    ],
  }),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("mock --pact without a contract: the pacts alone", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ pacts: [PACTS, states] });
  });
  afterAll(() => mock.close());

  it("loads no contract (not even the default folder) and answers an interaction's response", async () => {
    expect(mock.server.mock.contracts).toEqual([]);
    const res = await call(`${mock.url}/shop/products/p-100`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("mockpact-pact-interaction")).toBe("a request for product p-100");
    expect(res.json).toEqual(
      JSON.parse(readFileSync(`${PACTS}/shop-legacy-shop-api.json`, "utf8")).interactions[1].response.body,
    );
  });

  it("matches by Pact's rules: a regex header, a JSON body", async () => {
    const order = await call(`${mock.url}/shop/orders/1001`, { headers: { authorization: "Bearer another-token" } });
    expect(order.status).toBe(200);
    expect(order.json).toMatchObject({ id: 1001, status: "pending" });
    const login = await call(`${mock.url}/shop/login`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ username: "ada", password: "correct-horse" }),
    });
    expect(login.json).toMatchObject({ token: "eyJhbGciOiJIUzI1NiJ9.e30.c2ln" });
  });

  it("answers 404 problem+json naming the closest interaction and why it did not match", async () => {
    const res = await call(`${mock.url}/shop/orders/1001`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json.closest).toMatchObject({ description: "a request for order 1001", consumer: "shop-web" });
    expect(res.json.closest.mismatches).toEqual([
      "header Authorization: expected header Authorization but it was missing",
    ]);
    expect(res.json.detail).toContain('the closest is "a request for order 1001"');
    const wrongPassword = await call(`${mock.url}/shop/login`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ username: "ada", password: "nope" }),
    });
    expect(wrongPassword.json.closest.mismatches).toEqual(['body $.password: expected "correct-horse" but was "nope"']);
  });

  it("picks the interaction of the provider state named by X-Pact-State, else the first that matches", async () => {
    expect((await call(`${mock.url}/items/1`)).json).toEqual({ id: 1 });
    const gone = await call(`${mock.url}/items/1`, { headers: { "x-pact-state": "item 1 is gone" } });
    expect([gone.status, gone.json]).toEqual([404, { gone: true }]);
    const unknown = await call(`${mock.url}/items/1`, { headers: { "x-pact-state": "item 1 was sold" } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.detail).toContain('No interaction has the provider state "item 1 was sold"');
    expect(unknown.json.detail).toContain('"item 1 is gone"');
  });
});

describe("mock --pact beside the contract", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ contracts: [SHOP], pacts: [PACTS, states] });
  });
  afterAll(() => mock.close());

  it("a matching stub wins over the contract's answer; other requests get the contract's", async () => {
    const stubbed = await call(`${mock.url}/shop/products/p-100`);
    expect(stubbed.headers.get("mockpact-pact-interaction")).toBe("a request for product p-100");
    const generated = await call(`${mock.url}/shop/products/p-102`);
    expect(generated.status).toBe(200);
    expect(generated.headers.get("mockpact-pact-interaction")).toBeNull();
  });

  it("still validates against the contract: a stub answering success does not serve a request the contract refuses", async () => {
    const res = await call(`${mock.url}/shop/orders`, {
      method: "POST",
      headers: { ...json, authorization: "Bearer t" },
      body: JSON.stringify({ items: [], shippingAddress: { line1: "a", city: "b", postalCode: "123", country: "DE" } }),
    });
    expect(res.status).toBe(400); // createOrder documents 400 for bad requests, so the body's violations get it

    expect(res.headers.get("mockpact-pact-interaction")).toBeNull();
  });

  it("a stub that answers an error serves the bad request it describes, with the contract's violations in the header", async () => {
    const res = await call(`${mock.url}/shop/products`, {
      method: "POST",
      headers: { ...json, "x-api-key": "any" },
      body: JSON.stringify({ name: "Gold widget", price: 20000 }),
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("mockpact-pact-interaction")).toBe("a request to create a product priced above the limit");
    expect(JSON.parse(res.headers.get("mockpact-violations")!)).toEqual([
      expect.objectContaining({ in: "body", where: "/price", keyword: "maximum" }),
    ]);
  });

  it("serves a pact's path the contract does not have, and a 404 naming the closest interaction for others", async () => {
    expect((await call(`${mock.url}/items/1`)).json).toEqual({ id: 1 });
    const res = await call(`${mock.url}/nothing/here`);
    expect(res.status).toBe(404);
    expect(res.json.title).toBe("No interaction matches the request");
  });
});

describe("mock --pact with message pacts", () => {
  it("serves the HTTP interactions, and leaves message interactions out with one note per pact instead of failing", async () => {
    const mock = await startMock({
      pacts: [
        states,
        "fixtures/message-pacts/shop-notifier-shop-events.json",
        "fixtures/message-pacts/shop-restocker-shop-events.json",
      ],
    });
    try {
      expect(mock.server.mock.stubs?.notes).toEqual([
        `${path.resolve("fixtures/message-pacts/shop-notifier-shop-events.json")}: 2 message interaction(s) not served (a message has no HTTP request to answer)`,
        `${path.resolve("fixtures/message-pacts/shop-restocker-shop-events.json")}: 1 message interaction(s) not served (a message has no HTTP request to answer)`,
      ]);
      expect((await call(`${mock.url}/items/1`, { headers: { "x-pact-state": "item 1 exists" } })).status).toBe(200);
    } finally {
      await mock.close();
    }
  });
});
