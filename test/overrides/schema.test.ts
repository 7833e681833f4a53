import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { MOCKS_SCHEMA } from "../../src/mock/overrides/schema.js";
import { createMockServer, type MockEvent } from "../../src/index.js";
import { call } from "../support/mock-server.js";
import { tempDir } from "../support/mocks.js";

const require = createRequire(import.meta.url);
const Ajv = (require("ajv") as typeof import("ajv")).default;
const published = JSON.parse(readFileSync("schemas/mocks.schema.json", "utf8")) as object;

describe("the published JSON Schema of mocks files", () => {
  it("is the schema the loader enforces", () => {
    expect(published).toEqual(JSON.parse(JSON.stringify(MOCKS_SCHEMA)));
  });

  it("accepts the sample mocks/shop.yaml and refuses a broken entry (an independent ajv)", () => {
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(published);
    expect(validate(parse(readFileSync("mocks/shop.yaml", "utf8"))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate([{ operation: "getOrder", respond: { fault: "boom" } }])).toBe(false);
    expect(validate({ $schema: "../schemas/mocks.schema.json", mocks: [{ operation: "getOrder" }] })).toBe(true);
  });
});

describe("JSON mocks files", () => {
  it("load as an object with $schema and mocks, and their errors name the line too", async () => {
    const temp = await tempDir();
    try {
      const entry = { operation: "getTask", when: { path: { taskId: 1 } }, respond: { status: 404 } };
      const good = await temp.write(
        "a.json",
        JSON.stringify({ $schema: "../schemas/mocks.schema.json", mocks: [entry] }, null, 2),
      );
      const server = await createMockServer({ contracts: ["test/contracts/tasks.yaml"], mocks: [good] });
      expect((await server.handle({ method: "GET", url: "/api/tasks/1", headers: {} })).status).toBe(404);
      await server.close();
      const bad = await temp.write(
        "b.json",
        JSON.stringify({ mocks: [entry, { ...entry, respond: { delay: "soon" } }] }, null, 2),
      );
      await expect(createMockServer({ contracts: ["test/contracts/tasks.yaml"], mocks: [bad] })).rejects.toMatchObject({
        code: "MOCKS_INVALID",
        place: { file: bad, line: 22 },
      });
    } finally {
      await temp.remove();
    }
  });
});

describe("the sample mocks/shop.yaml", () => {
  it("loads beside contracts/ (as npm start serves it) without warnings, and answers as its comments say", async () => {
    const events: MockEvent[] = [];
    const server = await createMockServer({ contracts: ["contracts"], onEvent: (e) => events.push(e) });
    const url = await server.listen(0);
    try {
      expect(events.filter((e) => e.type === "warning" && e.file?.includes("mocks"))).toEqual([]);
      expect(server.mock.sources.mockFiles).toEqual(["mocks/shop.yaml"]);
      const bearer = { authorization: "Bearer t" };
      expect((await call(`${url}/shop/orders/42`, { headers: bearer })).json.status).toBe("shipped");
      expect((await call(`${url}/shop/products/p-404`)).status).toBe(404);
      expect((await call(`${url}/shop/products/p-777`)).json.id).toBe("p-777");
      expect((await call(`${url}/shop/orders/7`, { headers: bearer })).json.status).toBe("pending");
      expect((await call(`${url}/shop/orders/7`, { method: "DELETE", headers: bearer })).status).toBe(204);
      expect((await call(`${url}/shop/orders/7`, { headers: bearer })).json.status).toBe("cancelled");
      expect((await call(`${url}/shop/orders/7`, { method: "DELETE", headers: bearer })).status).toBe(409);
    } finally {
      await server.close();
    }
  });
});
