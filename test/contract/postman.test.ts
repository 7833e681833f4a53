import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findContractFiles } from "../../src/contract/index.js";
import { lintContracts } from "../../src/lint/index.js";
import { call, startMock, type RunningMock } from "../support/mock-server.js";

const COLLECTION = "test/contracts/postman/notes.postman_collection.json";
const BEARER = { authorization: "Bearer any" };

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ contracts: ["test/contracts/postman"] });
});
afterAll(() => mock.close());

describe("a Postman collection (v2.1) as a contract", () => {
  it("is found in a folder of contracts", async () => {
    expect(await findContractFiles(["test/contracts/postman"])).toEqual([path.resolve(COLLECTION)]);
  });

  it("routes its requests, under the baseUrl's path and without it, with :path variables", async () => {
    for (const url of ["/notes?limit=2", "/v1/notes?limit=2"])
      expect((await call(`${mock.url}${url}`, { headers: BEARER })).status, url).toBe(200);
    expect((await call(`${mock.url}/notes/n-7`, { headers: BEARER })).status).toBe(200);
    expect((await call(`${mock.url}/tasks`, { headers: BEARER })).status).toBe(404);
  });

  it("answers with the saved responses: the body, its headers, and the others by status", async () => {
    const list = await call(`${mock.url}/notes?limit=2`, { headers: BEARER });
    expect(list.json).toEqual([
      { id: "n-1", text: "Buy milk" },
      { id: "n-2", text: "Buy bread" },
    ]);
    expect(list.headers.get("x-total-count")).toBe("2");
    expect(list.headers.get("mockpact-warning")).toBeNull();
    const missing = await call(`${mock.url}/notes/n-1`, { headers: { ...BEARER, prefer: "code=404" } });
    expect([missing.status, missing.json]).toEqual([404, { error: "no such note" }]);
  });

  it("validates as far as the collection says: auth, [required] parameters and form fields, the body's JSON type", async () => {
    expect((await call(`${mock.url}/notes?limit=2`)).status).toBe(401);
    expect((await call(`${mock.url}/notes`, { headers: BEARER })).status).toBe(400);
    const form = { "content-type": "application/x-www-form-urlencoded" };
    expect((await call(`${mock.url}/login`, { method: "POST", headers: form, body: "username=ada" })).status).toBe(422);
    expect(
      (await call(`${mock.url}/login`, { method: "POST", headers: form, body: "username=ada&password=pw" })).status,
    ).toBe(200);
    const json = { ...BEARER, "content-type": "application/json" };
    expect((await call(`${mock.url}/notes`, { method: "POST", headers: json, body: "[1]" })).status).toBe(422);
    expect(
      (await call(`${mock.url}/notes`, { method: "POST", headers: json, body: '{"text":"Buy eggs"}' })).status,
    ).toBe(201);
  });

  it("lints clean, and a collection that cannot be converted is an error naming the file", async () => {
    expect((await lintContracts([COLLECTION])).findings).toEqual([]);
    const dir = await mkdtemp(path.join(tmpdir(), "mockpact-postman-"));
    const bad = path.join(dir, "bad.postman_collection.json");
    await writeFile(
      bad,
      JSON.stringify({
        info: { name: "x", schema: "https://schema.getpostman.com/json/collection/v2.0.0/collection.json" },
        item: [{ name: "bad", request: { method: "GET", url: "http://exa mple.com:99999/x" } }],
      }),
    );
    try {
      const { findings } = await lintContracts([bad]);
      expect(findings).toEqual([
        expect.objectContaining({
          severity: "error",
          code: "CONTRACT_INVALID",
          file: bad,
          message: expect.stringMatching(/^Failed to convert the Postman collection/),
        }),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
