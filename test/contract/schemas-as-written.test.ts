import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHandler } from "../../src/index.js";
import { loadContract } from "../../src/contract/load.js";
import type { MockEvent } from "../../src/mock/options.js";
import { call, startMock, type RunningMock } from "../support/mock-server.js";

const CONTRACT = "test/contracts/faithful/schemas-31.yaml";
const json = { "content-type": "application/json" };

let mock: RunningMock;
const warnings: Array<MockEvent & { type: "warning" }> = [];
beforeAll(async () => {
  mock = await startMock({ contracts: [CONTRACT], onEvent: (e) => e.type === "warning" && warnings.push(e) });
});
afterAll(() => mock.close());

const warningAt = (pattern: RegExp) => warnings.find((w) => pattern.test(w.message));

describe("3.1 schemas written the 3.0 way", () => {
  it("reads nullable: true without a type as 'or null', where it stopped the operation from compiling", async () => {
    const res = await call(`${mock.url}/settings`);
    expect(res.status, res.text).toBe(200);
    expect(warningAt(/nullable: true without a type/)).toMatchObject({
      pointer: "#/components/schemas/Settings/properties/default",
    });
  });

  it("reads a boolean exclusiveMinimum as 3.0 meant it", async () => {
    expect((await call(`${mock.url}/limits`, { method: "POST", headers: json, body: '{"rate":0}' })).status).toBe(422);
    const ok = await call(`${mock.url}/limits`, { method: "POST", headers: json, body: '{"rate":100}' });
    expect(ok.status, ok.text).toBe(200);
    expect(warningAt(/boolean exclusiveMinimum/)).toMatchObject({
      pointer: "#/components/schemas/Limits/properties/rate",
    });
  });
});

describe("the contract walker", () => {
  it("takes properties named default, example, enum and const for properties, not keywords", async () => {
    const res = await call(`${mock.url}/settings`);
    expect(Object.keys(res.json).sort()).toEqual(["const", "default", "enum", "example", "theme"]);
    expect(res.headers.get("mockpact-warning")).toBeNull();
  });

  it("reads a $ref standing for a whole properties map, and validates requests by it", async () => {
    const bad = await call(`${mock.url}/profile`, { method: "PUT", headers: json, body: '{"name":"Ada","age":-1}' });
    expect(bad.status).toBe(422);
    expect(bad.json.violations.map((v: { where: string }) => v.where)).toEqual(["/age"]);
    expect(
      (await call(`${mock.url}/profile`, { method: "PUT", headers: json, body: '{"name":"Ada","age":36}' })).status,
    ).toBe(204);
    expect(warningAt(/in place of the whole properties map/)).toMatchObject({
      pointer: "#/paths/~1profile/put/requestBody/content/application~1json/schema/properties",
    });
  });

  it("loads despite $refs in x- extensions that lead nowhere, warning with each one's place", () => {
    expect(warningAt(/missing\.yaml/)).toMatchObject({ pointer: "#/paths/~1settings/get/x-codegen/request" });
    expect(warningAt(/x-nowhere/)).toMatchObject({ pointer: "#/paths/~1settings/get/x-codegen/response" });
  });
});

describe("JSON Schema 2020-12 generics ($id resources, $dynamicRef)", () => {
  let generic: RunningMock;
  beforeAll(async () => {
    generic = await startMock({ contracts: ["test/contracts/faithful/generics-31.yaml"] });
  });
  afterAll(() => generic.close());

  it("loads, and fakes each use of a generic page with its own item schema", async () => {
    const res = await call(`${generic.url}/planets`);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("mockpact-warning")).toBeNull();
    for (const planet of res.json.items) expect(typeof planet.name).toBe("string");
  });

  it("validates a request by the item schema its resource brings", async () => {
    const bad = await call(`${generic.url}/moons`, {
      method: "POST",
      headers: json,
      body: '{"items":[{"name":"Io"}],"total":1}',
    });
    expect(bad.status).toBe(422);
    expect(bad.json.violations.map((v: { where: string }) => v.where)).toEqual(["/items/0/planet"]);
    expect(
      (
        await call(`${generic.url}/moons`, {
          method: "POST",
          headers: json,
          body: '{"items":[{"name":"Io","planet":"Jupiter"}],"total":1}',
        })
      ).status,
    ).toBe(204);
  });
});

describe("schemas ajv cannot register", () => {
  // Two schemas claim one anchor; the file's text may spell the key in ways a plain search misses.
  const clashes: Array<[string, string, string]> = [
    [
      "written plainly",
      "clash.yaml",
      yamlContract("    A: { $anchor: item, type: string }\n    B: { $anchor: item, type: integer }\n"),
    ],
    ["spelled with JSON's \\u escape", "clash.json", jsonContract('"\\u0024anchor"')],
    [
      "spelled with YAML's \\x escape",
      "clash.yaml",
      yamlContract('    A: { "\\x24anchor": item, type: string }\n    B: { "\\x24anchor": item, type: integer }\n'),
    ],
    [
      "joined across lines by a backslash",
      "clash.yaml",
      yamlContract(["A", "B"].map((name) => `    ${name}:\n      ? "$anc\\\n        hor"\n      : item\n`).join("")),
    ],
  ];

  it.each(clashes)(
    "fail the load with SCHEMA_COMPILE and the place of the clashing anchor, %s",
    async (_, name, text) => {
      const dir = await mkdtemp(path.join(tmpdir(), "mockpact-anchor-"));
      const file = path.join(dir, name);
      await writeFile(file, text);
      try {
        await expect(createHandler({ contracts: [file] })).rejects.toMatchObject({
          code: "SCHEMA_COMPILE",
          place: { file, pointer: expect.stringMatching(/^#\/components\/schemas\/[AB]$/) },
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  it("spare the walk for identifiers only where the file's text shows there is none", async () => {
    expect((await loadContract("contracts/shop.yaml")).noSchemaIdentifiers).toBe(true);
    const dir = await mkdtemp(path.join(tmpdir(), "mockpact-anchor-"));
    try {
      for (const [, name, text] of clashes) {
        await writeFile(path.join(dir, name), text);
        expect((await loadContract(path.join(dir, name))).noSchemaIdentifiers, name).toBeUndefined();
        const plain = text.replace(/\$anc|\\x24anc|\\u0024anc/g, "anc"); // the same keys without `$`
        await writeFile(path.join(dir, name), plain);
        expect((await loadContract(path.join(dir, name))).noSchemaIdentifiers, name).toBe(
          /\\(u|x|\n)/.test(plain) ? undefined : true,
        );
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

function yamlContract(schemas: string): string {
  return `openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n${schemas}`;
}

function jsonContract(key: string): string {
  const schema = (type: string) => `{ ${key}: "item", "type": "${type}" }`;
  return `{ "openapi": "3.1.0", "info": { "title": "t", "version": "1" }, "paths": {},
  "components": { "schemas": { "A": ${schema("string")}, "B": ${schema("integer")} } } }`;
}
