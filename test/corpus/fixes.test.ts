/**
 * Small contracts that reproduce, without the corpus, each mockpact bug the corpus test found
 * (docs/corpus-limits.md lists what is still open).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContract } from "../../src/contract/index.js";
import type { Contract } from "../../src/contract/model.js";
import { createMockCore } from "../../src/mock/core.js";
import { compileContracts } from "../../src/http/engine.js";
import { resolveMockOptions } from "../../src/mock/options.js";
import { SchemaRegistry } from "../../src/schema/registry.js";

const folder = mkdtempSync(path.join(tmpdir(), "mockpact-corpus-fixes-"));
let files = 0;

async function load(document: Record<string, unknown>): Promise<Contract> {
  const file = path.join(folder, `contract-${++files}.json`);
  writeFileSync(file, JSON.stringify(document));
  return loadContract(file);
}

const ok = { "200": { description: "ok" } };
const openapi30 = (paths: Record<string, unknown>, schemas: Record<string, unknown> = {}) => ({
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths,
  components: { schemas },
});

describe("loader: quirks of real documents", () => {
  it("reads 2.0 `x-nullable: true` beside a `$ref` once (harbor made the scan rewrite it forever)", async () => {
    const contract = await load({
      swagger: "2.0",
      info: { title: "t", version: "1" },
      paths: { "/a": { get: { responses: { "200": { description: "ok", schema: { $ref: "#/definitions/A" } } } } } },
      definitions: {
        A: { type: "object", properties: { b: { "x-nullable": true, $ref: "#/definitions/B" } } },
        B: { type: "object" },
      },
    });
    const registry = new SchemaRegistry(contract);
    const ref = { pointer: "#/definitions/A" };
    expect(registry.validate(ref, { b: null }, { direction: "response", in: "response.body" })).toEqual([]);
    expect(registry.validate(ref, { b: 1 }, { direction: "response", in: "response.body" })).not.toEqual([]);
  });

  it("drops `nullable: false` without a type (box), which ajv refuses to compile", async () => {
    const contract = await load(
      openapi30({ "/a": { get: { responses: ok } } }, { A: { allOf: [{ type: "object" }, { nullable: false }] } }),
    );
    expect(
      new SchemaRegistry(contract).validate(
        { pointer: "#/components/schemas/A" },
        {},
        { direction: "response", in: "response.body" },
      ),
    ).toEqual([]);
  });

  it("ignores `enum: []` with a warning (discord writes it beside `allOf: [{ $ref: <the enum> }]`)", async () => {
    const contract = await load(
      openapi30(
        { "/a": { get: { responses: ok } } },
        {
          S: { type: "string", enum: ["a", "b"] },
          A: { type: "string", enum: [], allOf: [{ $ref: "#/components/schemas/S" }] },
        },
      ),
    );
    expect(contract.warnings.map((w) => w.code)).toContain("EMPTY_ENUM_IGNORED");
    const registry = new SchemaRegistry(contract);
    expect(registry.validate({ pointer: "#/components/schemas/A" }, "a", { direction: "request", in: "body" })).toEqual(
      [],
    );
    expect(
      registry.validate({ pointer: "#/components/schemas/A" }, "c", { direction: "request", in: "body" }),
    ).not.toEqual([]);
  });

  it("serves a 2.0 response schema of `type: file` (harbor) as bytes", async () => {
    const contract = await load({
      swagger: "2.0",
      info: { title: "t", version: "1" },
      produces: ["application/octet-stream"],
      paths: { "/cert": { get: { responses: { "200": { description: "ok", schema: { type: "file" } } } } } },
    });
    const core = createMockCore(compileContracts([contract]), resolveMockOptions());
    const response = await core.handle({ method: "GET", url: "/cert", headers: {} });
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/octet-stream");
  });
});

describe("schema registry", () => {
  it("resolves `$ref`s inside a schema whose property is named like a keyword (`type`, discord)", async () => {
    // ajv inlines a ref target it counts as ref-free; its count skips a property named `type`.
    const contract = await load(
      openapi30(
        { "/a": { get: { responses: ok } } },
        {
          T: { type: "integer", enum: [0, 1] },
          Body: { type: "object", properties: { type: { $ref: "#/components/schemas/T" } } },
        },
      ),
    );
    const registry = new SchemaRegistry(contract);
    const ref = { pointer: "#/components/schemas/Body" };
    expect(registry.validate(ref, { type: 1 }, { direction: "request", in: "body" })).toEqual([]);
    expect(registry.validate(ref, { type: 2 }, { direction: "request", in: "body" })).not.toEqual([]);
  });

  it("keeps each pattern its own when several need the guarded engines (they were all `[object Object]` to ajv)", async () => {
    const contract = await load(
      openapi30(
        { "/a": { get: { responses: ok } } },
        { A: { type: "string", pattern: "^(a|b)+$" }, B: { type: "string", pattern: "^(x|y)+$" } },
      ),
    );
    const registry = new SchemaRegistry(contract);
    const check = (name: string, value: string) =>
      registry.validate({ pointer: `#/components/schemas/${name}` }, value, { direction: "request", in: "body" })
        .length === 0;
    expect([check("A", "abab"), check("B", "xyxy"), check("A", "xy"), check("B", "ab")]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("router", () => {
  it("shadows a second operation of one contract on the same method and path, with a warning (box, xero)", async () => {
    const contract = await load(
      openapi30({
        "/files/{id}": { get: { operationId: "first", responses: ok } },
        "/files/{id}#variant": { get: { operationId: "second", responses: ok } },
      }),
    );
    const warnings: string[] = [];
    const core = createMockCore(
      compileContracts([contract], { onRouteWarning: (m) => warnings.push(m) }),
      resolveMockOptions(),
    );
    const match = core.engine.router.find("GET", "/files/7");
    expect(match.kind === "found" && match.target.operation.operationId).toBe("first");
    expect(warnings.join("\n")).toMatch(/second.*shadowed by first/);
  });
});

describe("form bodies", () => {
  const body = {
    type: "object",
    properties: {
      card: {
        type: "object",
        properties: { exp_month: { type: "integer" }, cvc: { type: "string" } },
        required: ["exp_month"],
        additionalProperties: false,
      },
      items: {
        type: "array",
        items: { type: "object", properties: { price: { type: "string" }, quantity: { type: "integer" } } },
      },
      expand: { type: "array", items: { type: "string" } },
      trial_end: { anyOf: [{ type: "string", enum: ["now"] }, { type: "integer" }] },
      off_session: { anyOf: [{ type: "boolean" }, { type: "string", enum: ["one_off"] }] },
      billing: {
        anyOf: [
          { type: "object", properties: { limit: { type: "integer" } }, additionalProperties: false },
          { type: "string", enum: [""] },
        ],
      },
    },
    required: ["card"],
    additionalProperties: false,
  };

  async function post(text: string) {
    const contract = await load(
      openapi30({
        "/charges": {
          post: {
            requestBody: { required: true, content: { "application/x-www-form-urlencoded": { schema: body } } },
            responses: ok,
          },
        },
      }),
    );
    const core = createMockCore(compileContracts([contract]), resolveMockOptions());
    return core.handle({
      method: "POST",
      url: "/charges",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: Buffer.from(text),
    });
  }

  it("folds bracketed fields into objects and arrays, as Stripe's clients send them", async () => {
    const text =
      "card[exp_month]=4&card[cvc]=123&items[0][price]=p1&items[0][quantity]=2&items[1][price]=p2&expand[]=a&expand[]=b&billing[limit]=5";
    const response = await post(text);
    expect(response.headers["mockpact-violations"]).toBeUndefined();
    expect(response.status).toBe(200);
  });

  it("coerces a field of a union by the types it allows", async () => {
    for (const text of [
      "card[exp_month]=4&trial_end=1700000000",
      "card[exp_month]=4&trial_end=now",
      "card[exp_month]=4&off_session=true",
      "card[exp_month]=4&billing=",
    ]) {
      const response = await post(text);
      expect(response.headers["mockpact-violations"], text).toBeUndefined();
    }
  });

  it("still reports what is wrong inside a folded field", async () => {
    const response = await post("card[exp_month]=April&card[colour]=red");
    expect(response.status).toBe(422);
    expect(response.headers["mockpact-violations"]).toMatch(/exp_month/);
    expect(response.headers["mockpact-violations"]).toMatch(/colour/);
  });
});
