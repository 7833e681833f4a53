/**
 * What the benchmark sends. The same request goes to every server; the bare node:http server is
 * primed with the bytes mockpact answered to it, so the ceiling sends the same sizes.
 * Paths carry no base path: Prism ignores `servers`, mockpact serves with and without it.
 */
import { resolve } from "node:path";

export type ContractKey = "shop" | "github" | "stripe";
export type ServerKind = "bare" | "prism" | "wiremock" | "mockoon" | "mockpact";
/** The order of the tables' rows and of each round's runs. */
export const SERVER_KINDS: ServerKind[] = ["bare", "prism", "wiremock", "mockoon", "mockpact"];

export const CONTRACTS: Record<ContractKey, { label: string; file: string; probe: string; basePath: string }> = {
  // `probe` is the path polled for the first answer at start-up (any status counts); `basePath` is the
  // path of the contract's first server, which Mockoon serves under (mockpact serves with and without).
  shop: {
    label: "sample (contracts/shop.yaml)",
    file: resolve("contracts/shop.yaml"),
    probe: "/products/p-100",
    basePath: "/shop",
  },
  github: {
    label: "github-api (12 MB, 1,223 ops)",
    file: resolve("../shared/corpus/github-api/api.github.com.json"),
    probe: "/zen",
    basePath: "",
  },
  stripe: {
    label: "stripe-spec3 (4 MB YAML)",
    file: resolve("../shared/corpus/stripe-spec3/spec3.yaml"),
    probe: "/v1/customers",
    basePath: "",
  },
};

/**
 * Who is loaded with each kind of scenario. WireMock and Mockoon answer fixed bytes (WireMock
 * the stub of mockpact's bytes, Mockoon its example) without faking or validating a body: they are
 * peers for a static answer and for no route only (a run of them elsewhere would cost the time bound
 * and compare unlike work).
 */
export const SERVERS_OF: Record<Scenario["kind"], ServerKind[]> = {
  static: SERVER_KINDS,
  "not-found": SERVER_KINDS,
  validated: ["bare", "prism", "mockpact"],
  dynamic: ["bare", "prism", "mockpact"],
};

export interface BenchRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The status every server must answer; anything else is counted as an error. */
  status: number;
}

export interface Scenario {
  id: string;
  contract: ContractKey;
  /** What is measured, as the tables show it. */
  label: string;
  /** Static answers are the ones the goals compare with the ceiling. */
  kind: "static" | "dynamic" | "validated" | "not-found";
  request: BenchRequest;
}

const BEARER = { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln" };
const JSON_BODY = { "content-type": "application/json" };
const DYNAMIC = { prefer: "dynamic=true" };

export const SCENARIOS: Scenario[] = [
  {
    id: "shop-static",
    contract: "shop",
    kind: "static",
    label: "static example: GET /products/p-100",
    request: { method: "GET", path: "/products/p-100", headers: {}, status: 200 },
  },
  {
    id: "shop-dynamic",
    contract: "shop",
    kind: "dynamic",
    label: "dynamic fake (Order): GET /orders/1001, Prefer: dynamic=true",
    request: { method: "GET", path: "/orders/1001", headers: { ...BEARER, ...DYNAMIC }, status: 200 },
  },
  {
    id: "shop-validated",
    contract: "shop",
    kind: "validated",
    label: "validated JSON body: POST /orders",
    request: {
      method: "POST",
      path: "/orders",
      headers: { ...BEARER, ...JSON_BODY },
      body: JSON.stringify({
        items: [{ productId: "p-100", quantity: 2 }],
        shippingAddress: { line1: "Hauptstrasse 1", city: "Berlin", postalCode: "10115", country: "DE" },
      }),
      status: 201,
    },
  },
  {
    id: "shop-404",
    contract: "shop",
    kind: "not-found",
    label: "no route: GET /no/such/path",
    request: { method: "GET", path: "/no/such/path", headers: {}, status: 404 },
  },
  {
    id: "github-static",
    contract: "github",
    kind: "static",
    label: "static example (10 KB): GET /repos/octocat/hello-world",
    request: { method: "GET", path: "/repos/octocat/hello-world", headers: {}, status: 200 },
  },
  {
    id: "github-dynamic",
    contract: "github",
    kind: "dynamic",
    label: "dynamic fake (user): GET /users/octocat, Prefer: dynamic=true",
    request: { method: "GET", path: "/users/octocat", headers: DYNAMIC, status: 200 },
  },
  {
    id: "github-validated",
    contract: "github",
    kind: "validated",
    label: "validated JSON body: POST /repos/octocat/hello-world/issues",
    request: {
      method: "POST",
      path: "/repos/octocat/hello-world/issues",
      headers: JSON_BODY,
      body: JSON.stringify({ title: "Found a bug", body: "It breaks when ...", labels: ["bug"] }),
      status: 201,
    },
  },
];

/** The request whose load precedes the "RSS after load" reading of a contract with no throughput rows. */
export const RSS_LOAD: Record<ContractKey, BenchRequest> = {
  shop: SCENARIOS[0]!.request,
  github: SCENARIOS[4]!.request,
  stripe: { method: "GET", path: "/v1/customers", headers: BEARER, status: 200 },
};
