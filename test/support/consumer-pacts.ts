import { fileURLToPath } from "node:url";
import { pactLibrary } from "../../src/verify/pact-library.js";
import type { ShopClient } from "./shop-client.js";

/**
 * The example consumers' expectations of the Shop API, written with Pact's consumer DSL: shop-web
 * (pact spec V4), shop-mobile (V3) and shop-legacy (V2). Matchers are loose on purpose (`like`),
 * as consumers' usually are: the provider's own OpenAPI contract is what catches the rest.
 */
export const PACTS_DIR = fileURLToPath(new URL("../../fixtures/pacts", import.meta.url));
const PROVIDER = "shop-api";
const CONSUMER_TOKEN = "consumer-token";
const API_KEY = "back-office-key";

type MakeClient = (baseUrl: string, credentials?: { token?: string; apiKey?: string }) => ShopClient;

const product = () => ({
  id: "p-100",
  name: "Steel widget",
  price: 9.99,
  currency: "EUR",
  category: "tools",
  inStock: true,
  createdAt: "2024-03-01T09:30:00Z",
});
const order = (status: string) => ({
  id: 1001,
  status,
  items: [{ productId: "p-100", quantity: 2 }],
  total: 19.98,
  createdAt: "2024-04-01T10:00:00Z",
});
const newOrder = {
  items: [{ productId: "p-100", quantity: 2 }],
  shippingAddress: { line1: "Hauptstrasse 1", city: "Berlin", postalCode: "10115", country: "DE" },
};

export async function writeWebPact(dir: string, makeClient: MakeClient) {
  const { PactV4, MatchersV3: m } = pactLibrary();
  const pact = new PactV4({ consumer: "shop-web", provider: PROVIDER, dir, logLevel: "error" });
  const bearer = { Authorization: m.regex("^Bearer .+$", `Bearer ${CONSUMER_TOKEN}`) };
  const catalogue = await pact
    .addInteraction()
    .uponReceiving("a request for the product catalogue")
    .withRequest("GET", "/shop/products")
    .willRespondWith(200, (b) => b.jsonBody({ items: m.eachLike(product()), total: m.integer(2) }))
    .executeTest((server) => makeClient(server.url).listProducts());
  const seenProduct = await pact
    .addInteraction()
    .given("product p-100 exists", { id: "p-100" })
    .uponReceiving("a request for product p-100")
    .withRequest("GET", "/shop/products/p-100")
    .willRespondWith(200, (b) => b.jsonBody(m.like(product())))
    .executeTest((server) => makeClient(server.url).getProduct("p-100"));
  const missing = await pact
    .addInteraction()
    .uponReceiving("a request for a product that does not exist")
    .withRequest("GET", "/shop/products/p-999")
    .willRespondWith(404, (b) =>
      b
        .headers({ "Content-Type": m.regex("^application/problem\\+json", "application/problem+json") })
        .jsonBody({ title: m.string("Not found"), status: 404 }),
    )
    .executeTest((server) => makeClient(server.url).getProduct("p-999"));
  const tooExpensive = await pact
    .addInteraction()
    .uponReceiving("a request to create a product priced above the limit")
    .withRequest("POST", "/shop/products", (b) =>
      b.headers({ "X-API-Key": m.string(API_KEY) }).jsonBody({ name: "Gold widget", price: 20000 }),
    )
    .willRespondWith(422, (b) =>
      b.jsonBody(
        m.like({ code: "PRODUCT_INVALID", errors: m.eachLike({ field: "price", message: "must be at most 10000" }) }),
      ),
    )
    .executeTest((server) =>
      makeClient(server.url, { apiKey: API_KEY }).createProduct({ name: "Gold widget", price: 20000 }),
    );
  // The web client only needs "it worked": a status matcher (V4) accepts any 2xx.
  const placed = await pact
    .addInteraction()
    .uponReceiving("a request to place an order")
    .withRequest("POST", "/shop/orders", (b) => b.headers(bearer).jsonBody(newOrder))
    .willRespondWith(201, (b) =>
      b.jsonBody(m.like(order("pending"))).matchingRules({
        status: { path: "$", rules: [{ "pact:matcher:type": "statusCode", status: "success" } as never] },
      }),
    )
    .executeTest((server) => makeClient(server.url, { token: CONSUMER_TOKEN }).placeOrder(newOrder));
  await pact
    .addInteraction()
    .given("order 1001 exists", { id: 1001, status: "pending" })
    .uponReceiving("a request for order 1001")
    .withRequest("GET", "/shop/orders/1001", (b) => b.headers(bearer))
    .willRespondWith(200, (b) => b.jsonBody(m.like(order("pending"))))
    .executeTest((server) => makeClient(server.url, { token: CONSUMER_TOKEN }).getOrder(1001));
  return { catalogue, product: seenProduct!, missing: missing!, tooExpensive: tooExpensive!, order: placed! };
}

export async function writeMobilePact(dir: string, makeClient: MakeClient) {
  const { PactV3, MatchersV3: m } = pactLibrary();
  const pact = new PactV3({ consumer: "shop-mobile", provider: PROVIDER, dir, logLevel: "error" });
  pact
    .given("product p-101 exists", { id: "p-101" })
    .uponReceiving("a request for product p-101")
    .withRequest({ method: "GET", path: "/shop/products/p-101" })
    .willRespondWith({ status: 200, body: m.like({ ...product(), id: "p-101", inStock: false }) });
  pact
    .uponReceiving("a login with valid credentials")
    .withRequest({
      method: "POST",
      path: "/shop/login",
      headers: { "Content-Type": "application/json" },
      body: { username: "ada", password: "correct-horse" },
    })
    .willRespondWith({
      status: 200,
      body: {
        token: m.string("eyJhbGciOiJIUzI1NiJ9.e30.c2ln"),
        expiresAt: m.datetime("yyyy-MM-dd'T'HH:mm:ssX", "2024-04-01T11:00:00Z"),
      },
    });
  pact
    .given("order 1001 exists", { id: 1001, status: "paid" })
    .uponReceiving("a request for my orders")
    .withRequest({
      method: "GET",
      path: "/shop/orders",
      headers: { Authorization: m.regex("^Bearer .+$", `Bearer ${CONSUMER_TOKEN}`) },
    })
    .willRespondWith({ status: 200, body: m.eachLike(order("paid")) });
  return pact.executeTest(async (server) => {
    const client = makeClient(server.url, { token: CONSUMER_TOKEN });
    const seen = await client.getProduct("p-101");
    const login = await client.login("ada", "correct-horse");
    return { product: seen, login, orders: await client.listOrders() };
  });
}

export async function writeLegacyPact(dir: string, makeClient: MakeClient) {
  const { PactV3, MatchersV3: m, SpecificationVersion } = pactLibrary();
  const pact = new PactV3({
    consumer: "shop-legacy",
    provider: PROVIDER,
    dir,
    logLevel: "error",
    spec: SpecificationVersion.SPECIFICATION_VERSION_V2,
  });
  pact
    .uponReceiving("a request for the product catalogue")
    .withRequest({ method: "GET", path: "/shop/products" })
    .willRespondWith({ status: 200, body: m.like({ items: [product()], total: 2 }) });
  pact
    .given("product p-100 exists")
    .uponReceiving("a request for product p-100")
    .withRequest({ method: "GET", path: "/shop/products/p-100" })
    .willRespondWith({ status: 200, body: m.like(product()) });
  return pact.executeTest(async (server) => {
    const client = makeClient(server.url);
    return { catalogue: await client.listProducts(), product: await client.getProduct("p-100") };
  });
}
