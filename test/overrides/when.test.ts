import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { tempDir } from "../support/mocks.js";

/** One entry per kind of `when`; each says who answered in `x-mock`. */
const MOCKS = `
- operation: getOrder
  when: { path: { orderId: 42 } }
  respond: { example: paid, headers: { x-mock: path } }
- operation: listProducts
  when: { query: { category: garden } }
  respond: { example: empty, headers: { x-mock: query-value } }
- operation: listProducts
  when: { query: { tag: [a, b] } }
  respond: { example: empty, headers: { x-mock: query-list } }
- operation: listOrders
  when: { headers: { X-Tenant: acme } }
  respond: { example: none, headers: { x-mock: header } }
- operation: createOrder
  when:
    body: { "$.shippingAddress.country": FR, "$.items[0].quantity": 3, "$['note']": fragile }
  respond: { headers: { x-mock: body } }
`;

const BEARER = { authorization: "Bearer t" };
let mock: RunningMock;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.remove;
  mock = await startMock({ contracts: ["contracts/shop.yaml"], mocks: [await temp.write("when.yaml", MOCKS)] });
});
afterAll(async () => {
  await mock.close();
  await cleanup();
});

const answeredBy = async (path: string, init: RequestInit = {}) =>
  (await call(`${mock.url}/shop${path}`, init)).headers.get("x-mock");

function order(country: string, quantity: number, note = "fragile"): RequestInit {
  const body = {
    items: [{ productId: "p-100", quantity }],
    note,
    shippingAddress: { line1: "1 Rue", city: "Paris", postalCode: "75001", country },
  };
  return { method: "POST", headers: { ...BEARER, "content-type": "application/json" }, body: JSON.stringify(body) };
}

describe("`when` conditions", () => {
  it("matches a path parameter by its decoded value", async () => {
    expect(await answeredBy("/orders/42", { headers: BEARER })).toBe("path");
    expect(await answeredBy("/orders/43", { headers: BEARER })).toBeNull();
  });

  it("matches a query parameter that has the value", async () => {
    expect(await answeredBy("/products?category=garden")).toBe("query-value");
    expect(await answeredBy("/products?limit=5&category=garden")).toBe("query-value");
    expect(await answeredBy("/products?category=tools")).toBeNull();
  });

  it("matches a list of query values exactly, in order", async () => {
    expect(await answeredBy("/products?tag=a&tag=b")).toBe("query-list");
    expect(await answeredBy("/products?tag=b&tag=a")).toBeNull();
    expect(await answeredBy("/products?tag=a")).toBeNull();
  });

  it("matches a header whatever the case of its name", async () => {
    expect(await answeredBy("/orders", { headers: { ...BEARER, "x-tenant": "acme" } })).toBe("header");
    expect(await answeredBy("/orders", { headers: { ...BEARER, "x-tenant": "other" } })).toBeNull();
  });

  it("matches the body by JSONPath, every path holding", async () => {
    expect(await answeredBy("/orders", order("FR", 3))).toBe("body");
    expect(await answeredBy("/orders", order("FR", 2))).toBeNull();
    expect(await answeredBy("/orders", order("DE", 3))).toBeNull();
    expect(await answeredBy("/orders", order("FR", 3, "other"))).toBeNull();
  });

  it("answers only requests the contract accepts: security and validation come first", async () => {
    expect((await call(`${mock.url}/shop/orders/42`)).status).toBe(401);
    const invalid = await call(`${mock.url}/shop/products?category=garden&limit=0`);
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get("x-mock")).toBeNull();
  });
});
