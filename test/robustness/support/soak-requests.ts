/**
 * The soak's request mix: valid and invalid, static and dynamic, and varied where a cache or the
 * journal could grow with the variety (Accept values, example names, query names, ids, bodies).
 */
import type { SentRequest } from "../../support/http.js";

const BEARER = { authorization: "Bearer soak-token" };
const API_KEY = { "x-api-key": "soak-key" };
const JSON_TYPE = { "content-type": "application/json" };

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** The `n`th request of the soak: the mix repeats, the varying parts never do. */
export function soakRequest(n: number): SentRequest {
  const make = MIX[n % MIX.length]!;
  return make(n);
}

/** Every 2xx/4xx the mix may get; anything else (a 5xx) is a failure of the mock. */
export const MIX: Array<(n: number) => SentRequest> = [
  // valid, static: a new Accept each time (the static-answer cache is keyed by it, and bounded)
  (n) => ({
    method: "GET",
    path: `/shop/products/p-${n}`,
    headers: { accept: `application/json;q=0.${n % 1000}, text/*;q=0.1` },
  }),
  (n) => ({ method: "GET", path: `/shop/products?limit=${1 + (n % 100)}&category=tools&tag=a${n}` }),
  // a named example that exists, and one that does not (also a cache key)
  (n) => ({
    method: "GET",
    path: "/shop/products/p-1",
    headers: { prefer: n % 2 ? "example=gadget" : `example=missing${n}` },
  }),
  // dynamic fakes, each request a new seed
  (n) => ({ method: "GET", path: `/shop/orders/${1 + n}`, headers: { ...BEARER, prefer: "dynamic=true" } }),
  (n) => ({ method: "GET", path: `/catalog/pets?limit=${1 + (n % 50)}&filter[color]=c${n}` }),
  // valid body
  (n) => ({
    method: "POST",
    path: "/shop/orders",
    headers: { ...BEARER, ...JSON_TYPE },
    body: json({
      items: [{ productId: `p-${n}`, quantity: 1 + (n % 99) }],
      shippingAddress: { line1: `${n} Main Street`, city: "Springfield", postalCode: "12345", country: "US" },
    }),
  }),
  // invalid: a body breaking its schema, unparseable JSON, an undeclared media type
  (n) => ({
    method: "POST",
    path: "/shop/products",
    headers: { ...API_KEY, ...JSON_TYPE },
    body: json({ name: "", price: -n, extra: n }),
  }),
  (n) => ({
    method: "POST",
    path: "/shop/products",
    headers: { ...API_KEY, ...JSON_TYPE },
    body: Buffer.from(`{"name": "x${n}", price: }`),
  }),
  (n) => ({
    method: "POST",
    path: "/shop/orders",
    headers: { ...BEARER, "content-type": `text/x-soak-${n}` },
    body: Buffer.from("hello"),
  }),
  // invalid: parameters, credentials, routes, methods
  (n) => ({ method: "GET", path: `/shop/products?limit=abc${n}&offset=-${n}&q${n}=${n}` }),
  (n) => ({ method: "GET", path: `/shop/orders?status=s${n}` }),
  (n) => ({ method: "GET", path: `/shop/nothing/${n}?x=${n}` }),
  (n) => ({ method: "DELETE", path: `/shop/products?n=${n}` }),
  // a body over the limit (the soak's mock runs with --max-body 16kb)
  (n) => ({
    method: "POST",
    path: "/shop/products",
    headers: { ...API_KEY, ...JSON_TYPE },
    body: Buffer.alloc(20 * 1024 + (n % 100), 0x20),
  }),
];
