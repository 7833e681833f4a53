import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ contracts: ["contracts"], seed: 7 });
});
afterAll(() => mock.close());

const json = { "content-type": "application/json" };

describe("routing", () => {
  it("serves an operation under its base path and without it", async () => {
    const withBase = await call(`${mock.url}/shop/products/p-1`);
    const withoutBase = await call(`${mock.url}/products/p-1`);
    expect(withBase.status).toBe(200);
    expect(withoutBase.text).toBe(withBase.text);
  });

  it("answers 404 as problem+json for a path no contract has", async () => {
    const res = await call(`${mock.url}/shop/nothing-here`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json.title).toMatch(/No route/);
  });

  it("answers 405 with Allow for a method the path does not have", async () => {
    const res = await call(`${mock.url}/shop/products`, { method: "PATCH" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST");
  });

  it("prefers a literal segment over a templated one", async () => {
    const res = await call(`${mock.url}/catalog/categories/tree`);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.json) || typeof res.json === "object").toBe(true);
  });
});

describe("security", () => {
  it("answers 401 with WWW-Authenticate when a bearer token is missing", async () => {
    const res = await call(`${mock.url}/shop/orders`);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="mockpact"');
  });

  it("accepts any bearer token value", async () => {
    const res = await call(`${mock.url}/shop/orders`, { headers: { authorization: "Bearer anything" } });
    expect(res.status).toBe(200);
  });

  it("checks an apiKey in the query", async () => {
    expect((await call(`${mock.url}/catalog/users/3f1c2d4e-0000-4000-8000-000000000001`)).status).toBe(401);
    const res = await call(`${mock.url}/catalog/users/3f1c2d4e-0000-4000-8000-000000000001?api_key=x`);
    expect(res.status).toBe(200);
  });

  it("checks basic credentials on a Swagger 2.0 contract", async () => {
    const res = await call(`${mock.url}/legacy/v1/warehouses/1`, { method: "DELETE" });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Basic/);
  });
});

describe("request validation", () => {
  it("returns 400 listing a bad query parameter, in the body and the Mockpact-Violations header", async () => {
    const res = await call(`${mock.url}/shop/products?limit=abc&offset=-1`);
    expect(res.status).toBe(400);
    const wheres = res.json.violations.map((v: { where: string }) => v.where).sort();
    expect(wheres).toEqual(["limit", "offset"]);
    expect(JSON.parse(res.headers.get("mockpact-violations")!)).toEqual(res.json.violations);
  });

  it("returns the operation's own 422 listing every body violation in the header", async () => {
    const res = await call(`${mock.url}/shop/products`, {
      method: "POST",
      headers: { ...json, "x-api-key": "k" },
      body: JSON.stringify({ name: 3, extra: true }),
    });
    expect(res.status).toBe(422);
    expect(res.json.code).toBeDefined(); // the documented ValidationErrors shape, not problem+json
    const violations = JSON.parse(res.headers.get("mockpact-violations")!);
    expect(violations.map((v: { keyword: string }) => v.keyword).sort()).toEqual([
      "additionalProperties",
      "required",
      "type",
    ]);
  });

  it("returns 422 problem+json for a body that breaks its schema where no 422 is documented", async () => {
    const res = await call(`${mock.url}/catalog/users?api_key=x`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ email: "not-an-email" }),
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json.violations.length).toBeGreaterThan(1);
  });

  it("does not require a readOnly property in a request", async () => {
    const res = await call(`${mock.url}/catalog/users?api_key=x`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ username: "ada", email: "ada@example.com", password: "s3cret-pass" }),
    });
    expect(res.status, res.text).toBe(201);
  });

  it("returns 400 for a body that is not JSON where the operation documents no client error", async () => {
    const res = await call(`${mock.url}/shop/login`, { method: "POST", headers: json, body: '{"username": ' });
    expect(res.status).toBe(400);
    expect(res.json.violations[0].keyword).toBe("parse");
  });

  it("returns 415 for an undeclared request media type", async () => {
    const res = await call(`${mock.url}/shop/products`, {
      method: "POST",
      headers: { "content-type": "text/plain", "x-api-key": "k" },
      body: "hi",
    });
    expect(res.status).toBe(415);
  });

  it("accepts a form-urlencoded body and coerces its fields", async () => {
    const res = await call(`${mock.url}/shop/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "username=ada&password=pw",
    });
    expect(res.status).toBe(200);
  });

  it("validates a multipart body", async () => {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array([1, 2, 3])]), "a.png");
    form.set("caption", "front");
    const res = await call(`${mock.url}/shop/products/p-1/image`, {
      method: "POST",
      headers: { "x-api-key": "k" },
      body: form,
    });
    expect(res.status).toBe(204);
  });

  it("reads deepObject and pipeDelimited query parameters by their style", async () => {
    const ok = await call(`${mock.url}/catalog/pets?filter[color]=black&tags=a|b`);
    expect(ok.status, ok.text).toBe(200);
    const bad = await call(`${mock.url}/catalog/pets?filter[maxWeight]=heavy`);
    expect(bad.status).toBe(400);
    expect(bad.json.violations[0].where).toMatch(/^filter/);
  });
});

describe("choosing and building responses", () => {
  it("answers Prefer: code with that documented status", async () => {
    const res = await call(`${mock.url}/shop/products/p-1`, { headers: { prefer: "code=404" } });
    expect(res.status).toBe(404);
  });

  it("answers Prefer: example with that named example", async () => {
    const res = await call(`${mock.url}/shop/products/p-1`, { headers: { prefer: "example=gadget" } });
    expect(res.json.name).toMatch(/gadget/i);
  });

  it("answers 406 when Accept fits no documented media type", async () => {
    const res = await call(`${mock.url}/shop/products/p-1`, { headers: { accept: "application/xml" } });
    expect(res.status).toBe(406);
  });

  it("fakes with Prefer: dynamic=true even where examples exist", async () => {
    const example = await call(`${mock.url}/shop/products/p-1`);
    const dynamic = await call(`${mock.url}/shop/products/p-1`, { headers: { prefer: "dynamic=true" } });
    expect(dynamic.status).toBe(200);
    expect(dynamic.text).not.toBe(example.text);
  });

  it("never returns a writeOnly property", async () => {
    const res = await call(`${mock.url}/catalog/users/3f1c2d4e-0000-4000-8000-000000000001?api_key=x`);
    expect(res.json).not.toHaveProperty("password");
    expect(res.json).toHaveProperty("id");
  });

  it("gives the same bytes for the same seed and request in another server", async () => {
    const other = await startMock({ contracts: ["contracts"], seed: 7 });
    try {
      for (const path of ["/catalog/pets", "/catalog/categories/tree", "/legacy/v1/warehouses/1/stock"]) {
        const a = await call(`${mock.url}${path}`);
        const b = await call(`${other.url}${path}`);
        expect(b.text).toBe(a.text);
      }
    } finally {
      await other.close();
    }
  });

  it("gives other bytes for another seed", async () => {
    const other = await startMock({ contracts: ["contracts"], seed: 8 });
    try {
      expect((await call(`${other.url}/catalog/pets`)).text).not.toBe((await call(`${mock.url}/catalog/pets`)).text);
    } finally {
      await other.close();
    }
  });
});
