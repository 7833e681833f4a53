import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setupServer } from "msw/node";
import { handlersFor } from "../../src/msw/node.js";

const bearer = { authorization: "Bearer t" };
const order = {
  items: [{ productId: "p-100", quantity: 2 }],
  paymentToken: "tok-1",
  shippingAddress: { name: "Ada", line1: "Hauptstrasse 1", city: "Berlin", postalCode: "10115", country: "DE" },
};

/** msw/node as a test file sets it up, recording what no handler took (then sent on to a closed port). */
function mswServer(...handlers: Parameters<typeof setupServer>) {
  const unhandled: string[] = [];
  const server = setupServer(...handlers);
  beforeAll(() =>
    server.listen({ onUnhandledRequest: (request) => void unhandled.push(`${request.method} ${request.url}`) }),
  );
  afterEach(() => {
    server.resetHandlers();
    unhandled.length = 0;
  });
  afterAll(() => server.close());
  return { server, unhandled };
}

/** fetch, with a refused connection as a status of 0 (an unhandled request goes to the network). */
async function send(url: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; json: any }> {
  try {
    const response = await fetch(url, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
  } catch {
    return { status: 0, headers: new Headers(), json: undefined };
  }
}

describe("handlersFor(contracts) in msw/node, on the contracts' own servers", () => {
  const mock = handlersFor("contracts", { seed: 3 });
  const { server, unhandled } = mswServer(...mock);
  beforeAll(() => mock.ready);
  afterEach(() => mock.reset());

  it.each([
    ["shop.yaml's server URL", "http://127.0.0.1:4010/shop/products", 200],
    [
      "the same server without the base path (served as mockpact mock serves it)",
      "http://127.0.0.1:4010/products",
      200,
    ],
    ["legacy-inventory.json's host, schemes and basePath", "http://inventory.example.com/legacy/v1/warehouses", 200],
    ["catalog-faker.yaml's relative server: any origin in Node", "http://anywhere.test/catalog/pets", 200],
    ["another origin than shop.yaml's", "http://127.0.0.1:9/shop/products", 0],
    ["a path no operation has, on a served origin", "http://127.0.0.1:4010/shop/nothing", 0],
  ])("on %s: %s answers %i", async (_what, url, status) => {
    const answer = await send(url);
    expect(answer.status).toBe(status);
    expect(unhandled).toEqual(status === 0 ? [`GET ${url}`] : []);
  });

  it("answers a request that breaks the contract with 400, problem+json and the violations header", async () => {
    const answer = await send("http://127.0.0.1:4010/shop/products?limit=abc");
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(JSON.parse(answer.headers.get("mockpact-violations")!)).toEqual([
      { in: "query", where: "limit", keyword: "type", message: "limit must be integer" },
    ]);
    expect(answer.json.violations).toHaveLength(1);
  });

  it("answers 413 for a body over maxBody, as the server", async () => {
    const small = handlersFor("contracts", { maxBody: 64, baseUrl: "http://small.test" });
    await small.ready;
    server.use(...small);
    const answer = await send("http://small.test/shop/orders", {
      method: "POST",
      headers: { ...bearer, "content-type": "application/json" },
      body: JSON.stringify(order),
    });
    expect(answer.status).toBe(413);
    expect(answer.json.type).toBe("urn:mockpact:problem:payload-too-large");
  });

  it("breaks the fetch for a mocks file's reset fault", async () => {
    const answer = await send("http://127.0.0.1:4010/shop/products/p-100", { headers: { "x-mock-fault": "reset" } });
    expect(answer.status).toBe(0);
    expect(unhandled).toEqual([]);
  });

  it("keeps a journal in memory, newest first, secrets redacted; reset() empties it", async () => {
    await send("http://127.0.0.1:4010/shop/products?limit=abc");
    await send("http://127.0.0.1:4010/shop/products", {
      method: "POST",
      headers: { "x-api-key": "secret-key", "content-type": "application/json" },
      body: "{}",
    });
    const requests = mock.requests();
    expect(requests.map((r) => [r.method, r.url, r.status, r.answeredBy])).toEqual([
      ["POST", "/shop/products", 422, "rejected"],
      ["GET", "/shop/products?limit=abc", 400, "rejected"],
    ]);
    expect(JSON.stringify(requests)).not.toContain("secret-key");
    mock.reset();
    expect(mock.requests()).toEqual([]);
  });
});

describe("handlersFor with baseUrl and unknownRoutes", () => {
  const mounted = handlersFor("contracts/shop.yaml", { baseUrl: "https://api.example.com/v1", mocks: [] });
  const answering = handlersFor("contracts/shop.yaml", {
    baseUrl: "https://answers.example.com",
    unknownRoutes: "answer",
    mocks: [],
  });
  const { unhandled } = mswServer(...mounted, ...answering);
  beforeAll(() => Promise.all([mounted.ready, answering.ready]));

  it.each([
    ["under the base URL, the operation's path", "https://api.example.com/v1/products", 200],
    ["under the base URL, with the contract's base path", "https://api.example.com/v1/shop/products", 200],
    ["outside the base URL's path", "https://api.example.com/products", 0],
    ["the contract's own server, which the base URL replaces", "http://127.0.0.1:4010/shop/products", 0],
    ["unknownRoutes answer: a path no operation has is the mock's 404", "https://answers.example.com/nothing", 404],
  ])("%s: %s answers %i", async (_what, url, status) => {
    const answer = await send(url);
    expect(answer.status).toBe(status);
    expect(unhandled).toEqual(status === 0 ? [`GET ${url}`] : []);
  });
});

describe("handlersFor(..., { stateful: true })", () => {
  const mock = handlersFor("contracts/shop.yaml", { stateful: true, mocks: [] });
  mswServer(...mock);
  beforeAll(() => mock.ready);

  it("keeps what a client creates, and reset() empties the store", async () => {
    const base = "http://127.0.0.1:4010/shop/orders";
    const created = await send(base, {
      method: "POST",
      headers: { ...bearer, "content-type": "application/json" },
      body: JSON.stringify(order),
    });
    expect(created.status).toBe(201);
    expect((await send(base, { headers: bearer })).json).toEqual([created.json]);
    mock.reset();
    expect((await send(base, { headers: bearer })).json).toEqual([]);
  });
});

describe("override(): per-test answers in the MSW spirit", () => {
  const mock = handlersFor("contracts/shop.yaml", { mocks: [] });
  const { server } = mswServer(...mock);
  beforeAll(() => mock.ready);
  const url = "http://127.0.0.1:4010/shop/products/p-100";

  it("answers with the entry through server.use, until resetHandlers()", async () => {
    server.use(
      mock.override({ operation: "getProduct", when: { path: { productId: "p-100" } }, respond: { status: 404 } }),
    );
    expect((await send(url)).status).toBe(404);
    expect((await send("http://127.0.0.1:4010/shop/products/p-200")).status).toBe(200); // `when` does not hold: the usual answer
    expect(mock.requests(2).map((r) => r.answeredBy)).toEqual(["generated", "override override():1"]);
    server.resetHandlers();
    expect((await send(url)).status).toBe(200);
  });

  it("answers a sequence in turn (a retry test), and reset() starts it again", async () => {
    server.use(mock.override({ operation: "getProduct", respond: [{ status: 404 }, { status: 404 }, {}] }));
    expect([
      (await send(url)).status,
      (await send(url)).status,
      (await send(url)).status,
      (await send(url)).status,
    ]).toEqual([404, 404, 200, 200]);
    mock.reset();
    expect((await send(url)).status).toBe(404);
  });

  it("still refuses a request that breaks the contract, as a mocks file's entry does", async () => {
    server.use(mock.override({ operation: "listProducts", respond: { body: { items: [], total: 0 } } }));
    expect((await send("http://127.0.0.1:4010/shop/products")).json).toEqual({ items: [], total: 0 });
    expect((await send("http://127.0.0.1:4010/shop/products?limit=abc")).status).toBe(400);
  });

  it("refuses an entry for an operation no contract has, naming it", () => {
    expect(() => mock.override({ operation: "getProdcut" })).toThrow(
      expect.objectContaining({
        code: "MOCKS_OPERATION_UNKNOWN",
        message: expect.stringContaining('did you mean "getProduct"'),
      }),
    );
  });

  it("refuses an override before the contracts have loaded", () => {
    const loading = handlersFor("contracts/shop.yaml", { mocks: [] });
    expect(() => loading.override({ operation: "getProduct" })).toThrow(
      expect.objectContaining({ code: "MOCK_NOT_READY" }),
    );
    return loading.ready;
  });
});

describe("handlersFor with bad input", () => {
  it("rejects `ready` with the contract's error, naming the file", async () => {
    await expect(handlersFor("test/contracts/bad/broken.yaml").ready).rejects.toMatchObject({
      code: "CONTRACT_PARSE",
      place: { file: expect.stringContaining("broken.yaml") },
    });
  });

  it.each([
    ["not a bundle", { openapi: "3.1.0" }, /not a mockpact bundle/],
    [
      "another version",
      { format: "mockpact-bundle", version: 99, contracts: [], mocks: [] },
      /version 99; this mockpact reads version 1/,
    ],
    [
      "a contract without a document",
      {
        format: "mockpact-bundle",
        version: 1,
        contracts: [{ id: "a.yaml", file: "a.yaml", dialect: "openapi-3.1", warnings: [] }],
        mocks: [],
      },
      /contract a.yaml has no document/,
    ],
  ])("refuses a bundle that is %s with BUNDLE_INVALID", (_what, bundle, message) => {
    expect(() => handlersFor(bundle)).toThrow(
      expect.objectContaining({ code: "BUNDLE_INVALID", message: expect.stringMatching(message) }),
    );
  });

  it.each([
    ["baseUrl", { baseUrl: "ftp://example.com" }],
    ["unknownRoutes", { unknownRoutes: "ignore" }],
    ["seed", { seed: 1.5 }],
  ])("refuses a bad %s with OPTION_INVALID", (_name, options) => {
    expect(() => handlersFor("contracts", options as never)).toThrow(
      expect.objectContaining({ code: "OPTION_INVALID" }),
    );
  });
});
