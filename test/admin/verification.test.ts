import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";

const JSON_TYPE = { "content-type": "application/json" };
const BEARER = { authorization: "Bearer t-secret" };

let mock: RunningMock;
let startedAt: string;
let midway: string;
beforeAll(async () => {
  mock = await startMock({ contracts: ["contracts/shop.yaml"] });
  startedAt = new Date(Date.now() - 1000).toISOString();
  const order = (productId: string, quantity: number, country = "FR") => ({
    method: "POST",
    headers: { ...JSON_TYPE, ...BEARER },
    body: JSON.stringify({
      items: [{ productId, quantity }],
      shippingAddress: { line1: "1 Rue", city: "Paris", postalCode: "75001", country },
    }),
  });
  // The requests every case below asks about, in this order (seq 1 to 7).
  await call(`${mock.url}/shop/products?category=garden&tag=a&tag=b`);
  await call(`${mock.url}/shop/orders`, order("p-100", 2));
  await call(`${mock.url}/shop/orders`, order("p-200", 7, "DE"));
  await call(`${mock.url}/shop/orders/42`, { headers: { ...BEARER, "x-tenant": "acme" } });
  await new Promise((r) => setTimeout(r, 5)); // a later timestamp for `since`, not a wait on the server
  midway = new Date().toISOString();
  await call(`${mock.url}/shop/nowhere`);
  await call(`${mock.url}/shop/products`, { method: "DELETE" });
  await call(`${mock.url}/shop/products?limit=abc`);
});
afterAll(() => mock.close());

const admin = (path: string, body?: unknown) =>
  call(
    `${mock.url}/__mockpact${path}`,
    body === undefined ? {} : { method: "POST", headers: JSON_TYPE, body: JSON.stringify(body) },
  );

/** [case, pattern, how many of the 7 requests match] */
const PATTERNS: Array<[string, unknown, number]> = [
  ["everything", {}, 7],
  ["by operation", { operation: "createOrder" }, 2],
  ["by method, any case", { method: "post" }, 2],
  ["by the URL path as sent", { path: "/shop/orders/42" }, 1],
  ["by a path regex", { path: { regex: "/shop/orders.*" } }, 3],
  ["by a path parameter", { pathParams: { orderId: { gt: 40 } } }, 1],
  ["by a query value", { query: { tag: "b" } }, 1],
  ["by the list of query values", { query: { tag: ["a", "b"] } }, 1],
  ["by an absent query parameter", { operation: "listProducts", query: { category: { absent: true } } }, 1],
  ["by a header", { headers: { "X-Tenant": "acme" } }, 1],
  ["by a body value", { operation: "createOrder", body: { "$.items[0].productId": "p-100" } }, 1],
  ["by a JSONPath filter", { body: { "$.items[?(@.quantity > 5)]": { present: true } } }, 1],
  [
    "by equalToJson with ignored fields",
    { body: { "$.shippingAddress": { equalToJson: { country: "DE" }, ignoreExtraFields: true } } },
    1,
  ],
  ["by or", { body: { "$.shippingAddress.country": { or: ["FR", "DE"] } } }, 2],
  ["by not", { operation: "createOrder", body: { "$.shippingAddress.country": { not: "FR" } } }, 1],
  ["nothing matches", { operation: "createOrder", body: { "$.items[0].productId": "p-999" } }, 0],
];

describe("POST /__mockpact/requests/count and /find", () => {
  it.each(PATTERNS)("%s", async (_name, pattern, count) => {
    const counted = await admin("/requests/count", pattern);
    expect(counted.status).toBe(200);
    expect(counted.json).toMatchObject({ count, kept: 7, total: 7 });
    const found = await admin("/requests/find", pattern);
    expect(found.json.requests).toHaveLength(count);
  });

  it("finds requests newest first, credentials redacted", async () => {
    const { requests } = (await admin("/requests/find", { operation: "createOrder" })).json;
    expect(requests.map((r: { seq: number }) => r.seq)).toEqual([3, 2]);
    expect(requests[0].headers.authorization).toBe("[redacted]");
  });

  it.each([
    [{ operation: "createOrdr" }, /\/operation: no loaded contract has an operation "createOrdr"/],
    [{ headers: { "x-a": { regx: 1 } } }, /at \/headers\/x-a\/regx: "regx" is not a matcher keyword/],
    [{ pathParams: { orderId: { gt: "x" } } }, /at \/pathParams\/orderId\/gt: gt takes a number/],
    [{ url: "/x" }, /"url" is not a field of a request pattern/],
    [{ body: { "a.b": 1 } }, /must start with \$/],
    [[1], /a request pattern is an object/],
  ])("refuses %j with a 400 naming the place", async (pattern, message) => {
    const answer = await admin("/requests/count", pattern);
    expect(answer.status).toBe(400);
    expect(answer.json.type).toBe("urn:mockpact:problem:admin-bad-request");
    expect(answer.json.detail).toMatch(message);
  });
});

describe("GET /__mockpact/requests/unmatched", () => {
  it("lists the requests no route of the contracts matched: an unknown path (404) and a method the path does not allow (405)", async () => {
    const { requests } = (await admin("/requests/unmatched")).json;
    expect(requests.map((r: { url: string; status: number }) => `${r.status} ${r.url}`)).toEqual([
      "405 /shop/products",
      "404 /shop/nowhere",
    ]);
  });
});

describe("journal filters on GET /__mockpact/requests", () => {
  const seqs = async (query: string) =>
    ((await admin(`/requests${query}`)).json.requests as Array<{ seq: number }>).map((r) => r.seq);
  it.each([
    ["?method=POST", [3, 2]],
    ["?method=get", [7, 5, 4, 1]],
    ["?path=/shop/orders", [3, 2]],
    ["?operation=listProducts", [7, 1]],
    ["?status=400", [7]],
    ["?status=4xx", [7, 6, 5]],
    ["?method=GET&status=2XX", [4, 1]],
    ["?operation=createOrder&limit=1", [3]],
  ])("%s", async (query, expected) => expect(await seqs(query)).toEqual(expected));

  it("filters by time with since", async () => {
    expect(await seqs(`?since=${encodeURIComponent(startedAt)}`)).toHaveLength(7);
    expect(await seqs(`?since=${encodeURIComponent(midway)}`)).toEqual([7, 6, 5]);
  });

  it.each([
    ["?methd=GET", /Unknown parameter "methd"/],
    ["?status=40", /"status" must be/],
    ["?since=yesterday", /"since" must be an ISO date-time/],
    ["?operation=nope", /no loaded contract has an operation "nope"/],
    ["?method=GET&method=POST", /Give "method" once/],
  ])("refuses %s with a 400 naming the parameter", async (query, message) => {
    const answer = await admin(`/requests${query}`);
    expect(answer.status).toBe(400);
    expect(answer.json.detail).toMatch(message);
  });
});
