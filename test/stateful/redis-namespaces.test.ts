import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveStore } from "../../src/mock/options-store.js";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { skipWithoutRedis, startRedis, type RedisServer } from "../support/redis.js";

const skip = skipWithoutRedis();
const CONTRACT = "test/contracts/tasks.yaml";
const JSON_HEADERS = { "content-type": "application/json" };
let redis: RedisServer | undefined;
let mocks: RunningMock[] = [];

beforeAll(async () => {
  if (skip) return;
  redis = await startRedis();
  mocks = await Promise.all(
    ["team-a", "team-b"].map((prefix) =>
      startMock({ contracts: [CONTRACT], stateful: true, store: redis!.url, storePrefix: prefix }),
    ),
  );
});
afterAll(async () => {
  for (const mock of mocks) await mock.close();
  await redis?.stop();
});

const titles = async (mock: RunningMock) =>
  (await call(`${mock.url}/api/tasks`)).json.items.map((t: { title: string }) => t.title);

describe.skipIf(skip)("two mocks with their own --store-prefix on one Redis", () => {
  it("keep their own items, and a reset clears only its own keys", async () => {
    const [a, b] = mocks as [RunningMock, RunningMock];
    for (const [mock, title] of [
      [a, "a's"],
      [b, "b's"],
    ] as const) {
      expect(
        (
          await call(`${mock.url}/api/tasks`, {
            method: "POST",
            headers: JSON_HEADERS,
            body: JSON.stringify({ title }),
          })
        ).json.id,
      ).toBe(1);
    }
    expect(await titles(a)).toEqual(["a's"]);
    expect(await titles(b)).toEqual(["b's"]);
    expect((await call(`${a.url}/__mockpact/reset`, { method: "POST", headers: JSON_HEADERS })).status).toBe(204);
    expect(await titles(a)).toEqual([]);
    expect(await titles(b)).toEqual(["b's"]);
    expect((await call(`${b.url}/__mockpact/state`)).json.resources[0].collections[0]).toMatchObject({
      path: "/tasks",
      count: 1,
    });
  });
});

describe("the store option", () => {
  it.each([
    [["contracts/shop.yaml"], [], undefined, "mockpact:shop"],
    [["contracts", "more/"], ["pacts/web-shop.json"], undefined, "mockpact:contracts+more+web-shop"],
    [["contracts"], [], "staging:orders", "staging:orders"],
  ])("%j with pacts %j and prefix %s keys under %s", (contracts, pacts, prefix, expected) => {
    expect(resolveStore("redis://127.0.0.1:6379/0", prefix, contracts, pacts)).toEqual({
      kind: "redis",
      url: "redis://127.0.0.1:6379/0",
      prefix: expected,
    });
  });

  it("is memory without --store, and refuses a URL that is not Redis's without showing its password", () => {
    expect(resolveStore(undefined, undefined, ["contracts"], [])).toEqual({ kind: "memory" });
    expect(() => resolveStore("http://user:hunter2secret@host/0", undefined, [], [])).toThrow(
      /OPTION_INVALID|--store: "http:\/\/user:\[redacted\]@host\/0"/,
    );
    expect(() => resolveStore("redis://127.0.0.1:6379/0", "a{b}", [], [])).toThrow(/--store-prefix/);
  });
});
