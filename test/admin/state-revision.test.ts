/**
 * The state revision the journal poll carries: the console reads the state again only when it moved.
 * It moves on every change of the store, a scenario, or the runtime overrides, and with `--store` a
 * change made through one replica moves it on every replica.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { skipWithoutRedis, startRedis, type RedisServer } from "../support/redis.js";

const CONTRACT = "test/contracts/tasks.yaml";
const JSON_TYPE = { "content-type": "application/json" };
const STORES = ["memory", ...(skipWithoutRedis() ? [] : ["redis"])];

describe.each(STORES)("with the %s store", (store) => {
  let redis: RedisServer | undefined;
  let mock: RunningMock;
  /** The mock the console is open on: another replica when the store is shared, else the same mock. */
  let watched: RunningMock;
  beforeAll(async () => {
    if (store === "redis") redis = await startRedis();
    const options = {
      contracts: [CONTRACT],
      stateful: true,
      ...(redis ? { store: redis.url, storePrefix: "revision-test" } : {}),
    };
    mock = await startMock(options);
    watched = redis ? await startMock(options) : mock;
  });
  afterAll(async () => {
    if (watched !== mock) await watched.close();
    await mock.close();
    await redis?.stop();
  });

  const revision = async () => (await call(`${watched.url}/__mockpact/requests?limit=1`)).json.stateRevision as number;
  const send = (method: string, path: string, body?: unknown, headers = JSON_TYPE) =>
    call(`${mock.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });

  /** Each change, and whether it moves the revision. */
  const CHANGES: Array<{ name: string; change: () => Promise<{ status: number }>; moves: boolean }> = [
    { name: "a read", change: () => send("GET", "/api/tasks"), moves: false },
    { name: "a create", change: () => send("POST", "/api/tasks", { title: "Write tests" }), moves: true },
    {
      name: "a patch",
      change: () => send("PATCH", "/api/tasks/1", { done: true }, { "content-type": "application/merge-patch+json" }),
      moves: true,
    },
    { name: "a delete", change: () => send("DELETE", "/api/tasks/1"), moves: true },
    {
      name: "a runtime override",
      change: () =>
        send("POST", "/__mockpact/mocks", {
          operation: "getTask",
          scenario: { name: "flow", "when-state": "Started" },
          respond: { status: 404 },
        }),
      moves: true,
    },
    { name: "a scenario set", change: () => send("PUT", "/__mockpact/scenarios/flow", { state: "done" }), moves: true },
    { name: "a reset", change: () => send("POST", "/__mockpact/reset"), moves: true },
  ];

  it.each(CHANGES)("$name: the revision moves: $moves", async ({ change, moves }) => {
    const before = await revision();
    expect(typeof before).toBe("number");
    expect((await change()).status).toBeLessThan(300);
    if (moves) expect(await revision()).not.toBe(before);
    else expect(await revision()).toBe(before);
  });

  it("a create is in the state as soon as the revision says so", async () => {
    const before = await revision();
    await send("POST", "/api/tasks", { title: "Seen" });
    expect(await revision()).not.toBe(before);
    const state = (await call(`${watched.url}/__mockpact/state`)).json;
    const items = state.resources.flatMap((r: { collections: Array<{ items: Array<{ title: string }> }> }) =>
      r.collections.flatMap((c) => c.items),
    );
    expect(items.map((i: { title: string }) => i.title)).toContain("Seen");
  });
});
