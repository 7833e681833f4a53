import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    expect(warningAt(/nullable: true without a type/)).toMatchObject({ pointer: "#/components/schemas/Settings/properties/default" });
  });

  it("reads a boolean exclusiveMinimum as 3.0 meant it", async () => {
    expect((await call(`${mock.url}/limits`, { method: "POST", headers: json, body: '{"rate":0}' })).status).toBe(422);
    const ok = await call(`${mock.url}/limits`, { method: "POST", headers: json, body: '{"rate":100}' });
    expect(ok.status, ok.text).toBe(200);
    expect(warningAt(/boolean exclusiveMinimum/)).toMatchObject({ pointer: "#/components/schemas/Limits/properties/rate" });
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
    expect((await call(`${mock.url}/profile`, { method: "PUT", headers: json, body: '{"name":"Ada","age":36}' })).status).toBe(204);
    expect(warningAt(/in place of the whole properties map/)).toMatchObject({ pointer: "#/paths/~1profile/put/requestBody/content/application~1json/schema/properties" });
  });

  it("loads despite $refs in x- extensions that lead nowhere, warning with each one's place", () => {
    expect(warningAt(/missing\.yaml/)).toMatchObject({ pointer: "#/paths/~1settings/get/x-codegen/request" });
    expect(warningAt(/x-nowhere/)).toMatchObject({ pointer: "#/paths/~1settings/get/x-codegen/response" });
  });
});
