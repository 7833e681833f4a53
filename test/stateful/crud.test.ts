import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { contractChecker } from "../support/mocks.js";
import { skipWithoutRedis, startRedis, type RedisServer } from "../support/redis.js";

const CONTRACT = "test/contracts/tasks.yaml";
let mock: RunningMock;
let checkAgainstContract: Awaited<ReturnType<typeof contractChecker>>;
let redis: RedisServer | undefined;

/** The same cases in memory and in Redis (`--store`): the store changes where items live, never the answers. */
const STORES = ["memory", ...(skipWithoutRedis() ? [] : ["redis"])];

describe.each(STORES)("with the %s store", (store) => {
  beforeAll(async () => {
    if (store === "redis") redis = await startRedis();
    mock = await startMock({ contracts: [CONTRACT], stateful: true, seed: 3, ...(redis ? { store: redis.url } : {}) });
    checkAgainstContract = await contractChecker(CONTRACT);
  });
  afterAll(async () => {
    await mock.close();
    await redis?.stop();
    redis = undefined;
  });
  beforeEach(async () => {
    expect(
      (await call(`${mock.url}/__mockpact/reset`, { method: "POST", headers: { "content-type": "application/json" } }))
        .status,
    ).toBe(204);
  });

  /** A request to the mock whose answer must be valid against the contract, whatever its status. */
  async function send(method: string, path: string, body?: unknown, contentType = "application/json") {
    const url = `${mock.url}${path}`;
    const res = await call(url, {
      method,
      headers: body === undefined ? {} : { "content-type": contentType },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(checkAgainstContract(method, url, res), `${method} ${path} -> ${res.status} ${res.text}`).toEqual([]);
    expect(res.headers.get("mockpact-warning")).toBeNull();
    return res;
  }

  describe("a CRUD round trip on a contract's inferred resource", () => {
    it("creates, reads, lists, patches, replaces and deletes, every answer valid against the contract", async () => {
      const created = await send("POST", "/api/tasks", { title: "Write tests", tags: ["qa"], secret: "s3cret" });
      expect(created.status).toBe(201);
      expect(Object.keys(created.json)[0]).toBe("id"); // the id first, then the other readOnly fields
      expect(created.json).toMatchObject({ id: 1, title: "Write tests", tags: ["qa"], done: false });
      expect(created.json.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(created.json).not.toHaveProperty("secret"); // writeOnly: stored, never returned
      expect(created.headers.get("location")).toBe("/api/tasks/1");
      await send("POST", "/api/tasks", { title: "Ship it", done: true });

      expect((await send("GET", "/api/tasks/1")).json).toEqual(created.json);
      const list = await send("GET", "/api/tasks");
      expect(list.json.total).toBe(2);
      expect(list.json.items.map((t: { title: string }) => t.title)).toEqual(["Write tests", "Ship it"]);

      const patched = await send("PATCH", "/api/tasks/1", { done: true, tags: null }, "application/merge-patch+json");
      expect(patched.json).toEqual({ id: 1, title: "Write tests", done: true, createdAt: created.json.createdAt });
      const replaced = await send("PUT", "/api/tasks/1", { title: "Rewritten" });
      expect(replaced.json).toEqual({ id: 1, title: "Rewritten", done: false, createdAt: created.json.createdAt });

      expect((await send("DELETE", "/api/tasks/1")).status).toBe(204);
      const gone = await send("GET", "/api/tasks/1");
      expect(gone.status).toBe(404);
      expect(gone.json).toEqual({ message: "no such task" }); // the documented 404
      expect((await send("GET", "/api/tasks")).json.total).toBe(1);
    });

    it("pages and filters a list by the operation's own query parameters", async () => {
      for (const [title, done] of [
        ["a", false],
        ["b", true],
        ["c", false],
        ["d", true],
      ] as const)
        await send("POST", "/api/tasks", { title, done });
      const page = await send("GET", "/api/tasks?limit=2&offset=1");
      expect(page.json).toMatchObject({ total: 4, limit: 2, offset: 1 });
      expect(page.json.items.map((t: { title: string }) => t.title)).toEqual(["b", "c"]);
      const done = await send("GET", "/api/tasks?done=true");
      expect(done.json.items.map((t: { title: string }) => t.title)).toEqual(["b", "d"]);
    });

    it("gives unique ids, and never gives a deleted item's id again", async () => {
      const ids = new Set<number>();
      for (let i = 0; i < 12; i++) ids.add((await send("POST", "/api/tasks", { title: `t${i}` })).json.id);
      expect(ids.size).toBe(12);
      await send("DELETE", "/api/tasks/12");
      expect((await send("POST", "/api/tasks", { title: "after" })).json.id).toBe(13);
      const boards = new Set<string>();
      for (let i = 0; i < 12; i++) boards.add((await send("POST", "/api/boards", { name: `b${i}` })).json.id);
      expect(boards.size).toBe(12);
      const [first] = boards;
      expect((await send("GET", `/api/boards/${first}`)).json.id).toBe(first);
    });

    it("answers 404 for PUT, PATCH and DELETE of an absent item", async () => {
      expect((await send("PUT", "/api/tasks/99", { title: "x" })).status).toBe(404);
      expect((await send("PATCH", "/api/tasks/99", { done: true }, "application/merge-patch+json")).status).toBe(404);
      expect((await send("DELETE", "/api/tasks/99")).status).toBe(404);
    });

    it("refuses a patch whose result would break the item schema, and keeps the item", async () => {
      const created = await send("POST", "/api/tasks", { title: "keep me" });
      const url = `${mock.url}/api/tasks/${created.json.id}`;
      const res = await call(url, {
        method: "PATCH",
        headers: { "content-type": "application/merge-patch+json" },
        body: '{"title": null}',
      });
      expect(res.status).toBe(422);
      expect(JSON.parse(res.headers.get("mockpact-violations")!)[0]).toMatchObject({ keyword: "required" });
      expect((await send("GET", `/api/tasks/${created.json.id}`)).json.title).toBe("keep me");
    });

    it("leaves a request with Prefer to the generated answer, as without --stateful", async () => {
      const res = await send("GET", "/api/tasks/5", undefined);
      expect(res.status).toBe(404);
      const preferred = await call(`${mock.url}/api/tasks/5`, { headers: { prefer: "code=200" } });
      // The example, with the path's id echoed into it (as the mock answers without --stateful).
      expect(preferred.json).toEqual({ id: 5, title: "Example", done: false, createdAt: "2024-01-01T00:00:00Z" });
    });

    it("resets to empty through the admin API", async () => {
      await send("POST", "/api/tasks", { title: "temporary" });
      const state = await call(`${mock.url}/__mockpact/state`);
      const tasks = state.json.resources.find((r: { collection: string }) => r.collection === "/tasks");
      expect(tasks.collections[0]).toMatchObject({ path: "/tasks", count: 1 });
      expect(
        (
          await call(`${mock.url}/__mockpact/reset`, {
            method: "POST",
            headers: { "content-type": "application/json" },
          })
        ).status,
      ).toBe(204);
      expect((await send("GET", "/api/tasks")).json).toMatchObject({ items: [], total: 0 });
      expect((await send("POST", "/api/tasks", { title: "again" })).json.id).toBe(1);
    });
  });
});
