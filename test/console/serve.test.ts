import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";

describe("the console's files, served by the admin API", () => {
  let mock: RunningMock;
  let noAdmin: RunningMock;
  beforeAll(async () => {
    [mock, noAdmin] = await Promise.all([
      startMock({ contracts: ["contracts/shop.yaml"] }),
      startMock({ contracts: ["contracts/shop.yaml"], admin: false }),
    ]);
  });
  afterAll(async () => Promise.all([mock?.close(), noAdmin?.close()]));

  it("serves the page at <prefix>/ and redirects <prefix> there, so the page's relative URLs resolve", async () => {
    const page = await call(`${mock.url}/__mockpact/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.text).toContain('<script type="module" src="console/app.js">');
    const bare = await call(`${mock.url}/__mockpact?x=1`);
    expect([bare.status, bare.headers.get("location")]).toEqual([302, "/__mockpact/?x=1"]);
  });

  it("serves the compiled modules, and nothing else from the file system", async () => {
    const app = await call(`${mock.url}/__mockpact/console/app.js`);
    expect([app.status, app.headers.get("content-type")]).toEqual([200, "text/javascript; charset=utf-8"]);
    expect(app.text).toContain("journal-view.js");
    for (const name of ["nope.js", "..%2F..%2Fpackage.json", "app.ts"])
      expect((await call(`${mock.url}/__mockpact/console/${name}`)).status).toBe(404);
  });

  it("lists each operation for the console with its summary, examples and a sample request", async () => {
    const [shop] = (await call(`${mock.url}/__mockpact/contracts`)).json;
    const getProduct = shop.operations.find((o: any) => o.operationId === "getProduct");
    expect(getProduct).toMatchObject({
      method: "GET",
      path: "/shop/products/{productId}",
      summary: "Get a product",
      sample: { path: "/shop/products/p-100" },
    });
    expect(getProduct.responses).toContainEqual({ status: "200", hasExample: true });
  });

  it("is off with the admin API (--no-admin): the prefix is the mock's like any other path", async () => {
    expect((await call(`${noAdmin.url}/__mockpact/`)).status).toBe(404);
    expect((await call(`${noAdmin.url}/__mockpact/console/app.js`)).headers.get("content-type")).toMatch(
      /problem\+json/,
    );
  });
});
