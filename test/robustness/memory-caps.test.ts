/**
 * What clients can make the mock keep is capped, and a write past a cap is refused out loud (a 507
 * naming the flag), never kept silently or dropped silently: the stateful store (items and bytes)
 * and the journal (records, and entries per answer).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_JOURNAL_PAGE, MAX_JOURNAL_SIZE } from "../../src/mock/journal.js";
import { createMockServer } from "../../src/mock/server.js";
import { call, startMock, type RunningMock } from "../support/mock-server.js";

const JSON_TYPE = { "content-type": "application/json" };
/** Boards have an open schema: `name` may carry any amount of text, as a hostile client's would. */
const board = (bytes: number) => JSON.stringify({ name: "x".repeat(bytes) });

describe("the stateful store", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({
      contracts: ["test/contracts/tasks.yaml"],
      stateful: true,
      stateMaxItems: 20,
      stateMaxBytes: "64kb",
    });
  });
  afterAll(() => mock?.close());
  beforeEach(async () => {
    await call(`${mock.url}/__mockpact/reset`, { method: "POST", headers: JSON_TYPE });
  });

  const create = (bytes: number) =>
    call(`${mock.url}/api/boards`, { method: "POST", headers: JSON_TYPE, body: board(bytes) });

  // item size, how many are kept before the first 507, the flag it names
  it.each([
    ["20 small items, then --state-max-items", 10, 20, "--state-max-items"],
    ["15 KB items, then --state-max-bytes", 15_000, 4, "--state-max-bytes"],
  ])("keeps %s refuses the next with a 507 naming it", async (_name, bytes, kept, flag) => {
    const statuses: number[] = [];
    for (let i = 0; i < kept + 3; i++) statuses.push((await create(bytes)).status);
    expect(statuses).toEqual([...Array<number>(kept).fill(201), 507, 507, 507]);
    const refused = await create(bytes);
    expect(refused.json).toMatchObject({ type: "urn:mockpact:problem:state-full", status: 507 });
    expect(refused.json.detail).toContain(flag);
    const state = (await call(`${mock.url}/__mockpact/state`)).text;
    expect(state.length).toBeLessThan(64 * 1024 + 4096);
  });

  it("takes writes again once items are deleted", async () => {
    const task = () =>
      call(`${mock.url}/api/tasks`, {
        method: "POST",
        headers: JSON_TYPE,
        body: JSON.stringify({ title: "big", tags: ["x".repeat(15_000)] }),
      });
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push((await task()).json.id);
    expect((await task()).status).toBe(507);
    expect((await call(`${mock.url}/api/tasks/${ids[0]}`, { method: "DELETE" })).status).toBeLessThan(300);
    expect((await task()).status).toBe(201);
  });
});

describe("the journal", () => {
  it.each([MAX_JOURNAL_SIZE + 1, 1e8])("refuses --journal-size %i", async (size) => {
    await expect(createMockServer({ contracts: ["contracts/shop.yaml"], journalSize: size })).rejects.toMatchObject({
      code: "OPTION_INVALID",
      message: expect.stringContaining("--journal-size"),
    });
  });

  it(`answers at most ${MAX_JOURNAL_PAGE} entries at a time, and older ones with ?before=`, async () => {
    const mock = await startMock({ contracts: ["contracts/shop.yaml"], journalSize: MAX_JOURNAL_PAGE + 200 });
    for (let i = 0; i < MAX_JOURNAL_PAGE + 100; i++)
      await mock.server
        .handle({ method: "GET", url: `/shop/products/p-${i}`, headers: {}, body: undefined })
        .then(() => undefined);
    const page = (await call(`${mock.url}/__mockpact/requests?limit=5000`)).json as {
      requests: Array<{ seq: number }>;
    };
    expect(page.requests).toHaveLength(MAX_JOURNAL_PAGE);
    const oldest = page.requests.at(-1)!.seq;
    const older = (await call(`${mock.url}/__mockpact/requests?before=${oldest}`)).json as {
      requests: Array<{ seq: number }>;
    };
    expect(older.requests.map((r) => r.seq)).toEqual(Array.from({ length: oldest - 1 }, (_, i) => oldest - 1 - i));
    await mock.close();
  });
});
