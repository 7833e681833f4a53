import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlersFor } from "../../src/msw/node.js";
import { runCli, startCli } from "../support/cli.js";
import { tempDir, removeTempDirsAfterEach } from "../fixtures/support.js";
import { answerOf, BUNDLE_ORIGIN, interceptWith, NODE_ORIGIN, type Call } from "./support.js";

removeTempDirsAfterEach();

const bearer = { authorization: "Bearer t" };
const json = { "content-type": "application/json" };
const order = JSON.stringify({
  items: [{ productId: "p-100", quantity: 2 }],
  paymentToken: "tok-1",
  shippingAddress: { name: "Ada", line1: "Hauptstrasse 1", city: "Berlin", postalCode: "10115", country: "DE" },
});

/** Every step of DESIGN's behaviour the sample contracts and mocks/ exercise, in order (the scenario steps depend on it). */
const CALLS: Array<[string, Call]> = [
  ["an example", { path: "/shop/products" }],
  ["a query parameter", { path: "/shop/products?limit=2&tag=metal&tag=bestseller" }],
  ["a bad query parameter: 400 with the violations header", { path: "/shop/products?limit=abc&offset=-1" }],
  ["a mocks file's named example", { path: "/shop/products?category=garden" }],
  ["a path parameter", { path: "/shop/products/p-100" }],
  ["a mocks file's 404", { path: "/shop/products/p-404" }],
  ["a mocks file's template with a seeded faker", { path: "/shop/products/p-777" }],
  ["Prefer: dynamic=true", { path: "/shop/products/p-100", headers: { prefer: "dynamic=true" } }],
  ["Prefer: code=404", { path: "/shop/products/p-100", headers: { prefer: "code=404" } }],
  ["Prefer: code= undocumented", { path: "/shop/products/p-100", headers: { prefer: "code=418" } }],
  ["Accept that nothing fits: 406", { path: "/shop/products", headers: { accept: "text/html" } }],
  ["HEAD", { method: "HEAD", path: "/shop/products" }],
  ["without the base path", { path: "/products/p-100" }],
  ["no credentials: 401", { path: "/shop/orders" }],
  ["a mocks file's fixed body", { path: "/shop/orders/42", headers: bearer }],
  ["a valid body", { method: "POST", path: "/shop/orders", headers: { ...bearer, ...json }, body: order }],
  [
    "a body that breaks its schema",
    {
      method: "POST",
      path: "/shop/orders",
      headers: { ...bearer, ...json },
      body: JSON.stringify({ items: [{ productId: 1 }] }),
    },
  ],
  [
    "a body that does not parse",
    { method: "POST", path: "/shop/orders", headers: { ...bearer, ...json }, body: '{"items": [' },
  ],
  [
    "a mocks file's answer chosen by the body",
    {
      method: "POST",
      path: "/shop/orders",
      headers: { ...bearer, ...json },
      body: JSON.stringify({ ...JSON.parse(order), note: "decline" }),
    },
  ],
  [
    "an undeclared media type: 415",
    {
      method: "POST",
      path: "/shop/products",
      headers: { "x-api-key": "k", "content-type": "text/plain" },
      body: "hello",
    },
  ],
  ["a method the path does not allow: 405", { method: "PATCH", path: "/shop/products" }],
  ["no operation: 404", { path: "/shop/nothing-here" }],
  ["a mocks file's delay", { path: "/shop/orders?status=shipped", headers: bearer }],
  [
    "a mocks file's fault: the connection breaks",
    { path: "/shop/products/p-100", headers: { "x-mock-fault": "reset" } },
  ],
  ["scenario: before", { path: "/shop/orders/7", headers: bearer }],
  ["scenario: the step", { method: "DELETE", path: "/shop/orders/7", headers: bearer }],
  ["scenario: after", { path: "/shop/orders/7", headers: bearer }],
  ["scenario: again", { method: "DELETE", path: "/shop/orders/7", headers: bearer }],
  ["a faker contract", { path: "/catalog/pets?limit=3" }],
  ["a faker contract's item", { path: "/catalog/pets/12" }],
  ["Swagger 2.0 under its basePath", { path: "/legacy/v1/warehouses" }],
];

/** With --stateful: what one client creates, lists, reads and deletes (ids count from 1). */
const STATEFUL_CALLS: Array<[string, Call]> = [
  ["list before", { path: "/shop/orders", headers: bearer }],
  ["create", { method: "POST", path: "/shop/orders", headers: { ...bearer, ...json }, body: order }],
  ["list after", { path: "/shop/orders", headers: bearer }],
  ["read it", { path: "/shop/orders/1", headers: bearer }],
  [
    "a bad create",
    { method: "POST", path: "/shop/orders", headers: { ...bearer, ...json }, body: JSON.stringify({ items: "none" }) },
  ],
  ["delete it", { method: "DELETE", path: "/shop/orders/1", headers: bearer }],
  ["read it again", { path: "/shop/orders/1", headers: bearer }],
];

/**
 * "Same options, same bytes": `mockpact mock` over HTTP, the Node handlers (from the files) and the
 * bundle handlers (from `mockpact bundle`'s file, as a page loads it) answer each call alike, status,
 * headers and body, in the same order so that scenarios and state move alike.
 */
describe.each([
  ["the sample contracts and mocks/", ["--seed", "7"], [] as string[]],
  ["the sample contracts, --stateful", ["--seed", "7", "--stateful"], ["stateful"]],
])("the MSW handlers and mockpact mock, on %s", (_name, flags, modes) => {
  const stateful = modes.includes("stateful");
  const calls = stateful ? STATEFUL_CALLS : CALLS;
  let server: Awaited<ReturnType<typeof startCli>>;
  let intercepting: ReturnType<typeof interceptWith>;

  beforeAll(async () => {
    server = await startCli(["mock", "contracts", "--port", "0", ...flags]);
    const out = path.join(await tempDir(), "public", "mockpact.json");
    const bundled = await runCli(["bundle", "contracts", "--out", out]);
    expect(bundled.code, bundled.stderr).toBe(0);
    const options = { seed: 7, stateful, unknownRoutes: "answer" as const };
    const fromFiles = handlersFor("contracts", { ...options, baseUrl: NODE_ORIGIN });
    const fromBundle = handlersFor(JSON.parse(await readFile(out, "utf8")), { ...options, baseUrl: BUNDLE_ORIGIN });
    await fromFiles.ready;
    intercepting = interceptWith(...fromFiles, ...fromBundle);
  });
  afterAll(() => {
    intercepting?.close();
    server?.child.kill();
  });

  it(`answers ${calls.length} calls byte for byte as the server does`, async () => {
    const differences: string[] = [];
    let compared = 0;
    for (const [what, call] of calls) {
      const expected = await answerOf(server.url, call);
      for (const origin of [NODE_ORIGIN, BUNDLE_ORIGIN]) {
        const actual = await answerOf(origin, call);
        compared++;
        if (JSON.stringify(actual) !== JSON.stringify(expected))
          differences.push(
            `${what} (${origin}):\n  mock: ${JSON.stringify(expected)}\n  msw:  ${JSON.stringify(actual)}`,
          );
      }
    }
    expect(differences).toEqual([]);
    expect(compared).toBe(calls.length * 2);
  }, 60_000);
});
