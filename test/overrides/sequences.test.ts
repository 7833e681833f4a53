/**
 * Sequences: `respond: [ ... ]` answers each matching request with the next answer (a retry test's
 * 503, 503, 200 in one entry), then repeats the last or cycles; POST /reset starts them again, and
 * with --store the position is shared by replicas.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { MockpactError } from "../../src/errors.js";
import type { MockEvent } from "../../src/mock/options.js";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { tempDir } from "../support/mocks.js";
import { skipWithoutRedis, startRedis, type RedisServer } from "../support/redis.js";

const CONTRACT = "test/contracts/tasks.yaml";
const JSON_TYPE = { "content-type": "application/json" };
const task = (title: string) => ({ id: 1, title, done: false, createdAt: "2024-01-01T00:00:00Z" });

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function started(
  mocksText: string,
  extra: { store?: string; storePrefix?: string } = {},
): Promise<RunningMock & { events: MockEvent[]; dir: string }> {
  const temp = await tempDir();
  await temp.write("a.yaml", mocksText);
  cleanups.push(temp.remove);
  return { ...(await startedOn(temp.dir, extra)), dir: temp.dir };
}

async function startedOn(
  mocks: string,
  extra: { store?: string; storePrefix?: string },
): Promise<RunningMock & { events: MockEvent[] }> {
  const events: MockEvent[] = [];
  const mock = await startMock({
    contracts: [CONTRACT],
    mocks: [mocks],
    onEvent: (e) => void events.push(e),
    ...extra,
  });
  cleanups.push(() => mock.close());
  return { ...mock, events };
}

/** What `n` requests to GET /api/tasks/1 get, as `status title`. */
async function answers(url: string, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await call(`${url}/api/tasks/1`);
    out.push(`${res.status} ${res.json?.title ?? res.json?.message ?? ""}`.trim());
  }
  return out;
}

const RETRY = `
- operation: getTask
  respond:
    - { status: 503, body: { message: busy } }
    - { status: 503, body: { message: still busy } }
    - { body: ${JSON.stringify(task("ready"))} }
`;

describe("respond as a list", () => {
  it("answers in turn, then repeats the last answer; the journal names each answer's place", async () => {
    const mock = await started(RETRY);
    expect(await answers(mock.url, 5)).toEqual(["503 busy", "503 still busy", "200 ready", "200 ready", "200 ready"]);
    const journal = (await call(`${mock.url}/__mockpact/requests?limit=5`)).json.requests;
    expect(journal.map((r: { step: number }) => r.step).reverse()).toEqual([0, 1, 2, 2, 2]);
    expect(journal[0].answeredBy).toMatch(/^override .*a\.yaml:2$/);
  });

  it("starts again after POST /__mockpact/reset", async () => {
    const mock = await started(RETRY);
    expect(await answers(mock.url, 2)).toEqual(["503 busy", "503 still busy"]);
    expect((await call(`${mock.url}/__mockpact/reset`, { method: "POST", headers: JSON_TYPE })).status).toBe(204);
    expect(await answers(mock.url, 1)).toEqual(["503 busy"]);
  });

  it("with then: cycle, goes round; each entry counts its own matching requests", async () => {
    const mock = await started(`
- operation: getTask
  when: { path: { taskId: 1 } }
  then: cycle
  respond: [ { body: ${JSON.stringify(task("a"))} }, { body: ${JSON.stringify(task("b"))} } ]
- operation: getTask
  respond: [ { status: 404 }, { body: ${JSON.stringify(task("found"))} } ]
`);
    expect(await answers(mock.url, 3)).toEqual(["200 a", "200 b", "200 a"]);
    expect((await call(`${mock.url}/api/tasks/2`)).status, "the second entry's own count").toBe(404);
    expect(await answers(mock.url, 1)).toEqual(["200 b"]);
  });

  it("sends each answer's example, fake, headers and delay as a single answer would", async () => {
    const mock = await started(`
- operation: getTask
  respond:
    - { status: 404, headers: { retry-after: "1" } }
    - { fake: true, delay: 1ms }
`);
    const first = await call(`${mock.url}/api/tasks/1`);
    expect([first.status, first.json, first.headers.get("retry-after")]).toEqual([
      404,
      { message: "no such task" },
      "1",
    ]);
    const second = await call(`${mock.url}/api/tasks/1`);
    expect(second.status).toBe(200);
    expect(Object.keys(second.json)).toEqual(expect.arrayContaining(["id", "title", "done", "createdAt"]));
  });

  it("checks every answer against the contract at load: a warning names the answer", async () => {
    const mock = await started(`
- operation: getTask
  respond:
    - { body: ${JSON.stringify(task("fine"))} }
    - { body: { id: 1 } }
`);
    const warnings = mock.events.filter((e) => e.type === "warning");
    expect(warnings).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/a\.yaml:2 respond\/1 breaks the contract of getTask 200/),
        line: 5,
      }),
    ]);
    await answers(mock.url, 1);
    expect((await call(`${mock.url}/api/tasks/1`)).headers.get("mockpact-warning")).toMatch(/respond\/1/);
  });
});

/** A mocks file that must not load: the error's code, pointer and line. */
async function loadError(text: string): Promise<{ code: string; pointer?: string; line?: number; message: string }> {
  const temp = await tempDir();
  cleanups.push(temp.remove);
  await temp.write("a.yaml", text);
  try {
    const mock = await startMock({ contracts: [CONTRACT], mocks: [temp.dir] });
    await mock.close();
  } catch (error) {
    if (!(error instanceof MockpactError)) throw error;
    return { code: error.code, pointer: error.place.pointer, line: error.place.line, message: error.message };
  }
  throw new Error("the mocks file loaded");
}

describe("a sequence that does not fit", () => {
  const cases: Array<[string, string, { pointer: string; line: number; message: RegExp }]> = [
    [
      "an example the status does not have",
      "- operation: getTask\n  respond:\n    - { status: 404 }\n    - { example: nope }\n",
      { pointer: "/respond/1/example", line: 4, message: /no example named "nope"/ },
    ],
    [
      "a fake of an undocumented status",
      "- operation: getTask\n  respond:\n    - {}\n    - {}\n    - { status: 418, fake: true }\n",
      { pointer: "/respond/2/status", line: 5, message: /documents no response for status 418/ },
    ],
    [
      "a bad delay",
      "- operation: getTask\n  respond: [ {}, { delay: soon } ]\n",
      { pointer: "/respond/1/delay", line: 2, message: /delay/ },
    ],
    [
      "an unknown field in an answer",
      "- operation: getTask\n  respond:\n    - { stauts: 200 }\n",
      { pointer: "/respond/0/stauts", line: 3, message: /not a field mockpact knows/ },
    ],
    [
      "an empty list",
      "- operation: getTask\n  respond: []\n",
      { pointer: "/respond", line: 2, message: /fewer than 1/ },
    ],
    [
      "then without a list",
      "- operation: getTask\n  then: cycle\n  respond: { status: 404 }\n",
      { pointer: "/then", line: 2, message: /applies to a sequence/ },
    ],
    [
      "an unknown then",
      "- operation: getTask\n  then: forever\n  respond: [ {} ]\n",
      { pointer: "/then", line: 2, message: /repeat-last, cycle/ },
    ],
  ];
  it.each(cases)("is refused at load: %s", async (_name, text, expected) => {
    const error = await loadError(text);
    expect(error.code).toBe("MOCKS_INVALID");
    expect(error).toMatchObject({ pointer: expected.pointer, line: expected.line });
    expect(error.message).toMatch(expected.message);
  });
});

describe("sequences added at run time", () => {
  it("POST /__mockpact/mocks takes a list; DELETE of the override ends it, and one added again starts from its first answer", async () => {
    const mock = await started("[]");
    const entry = {
      operation: "getTask",
      respond: [{ status: 503, body: { message: "busy" } }, { body: task("ready") }],
    };
    const added = await call(`${mock.url}/__mockpact/mocks`, {
      method: "POST",
      headers: JSON_TYPE,
      body: JSON.stringify(entry),
    });
    expect(added.status).toBe(201);
    expect(await answers(mock.url, 3)).toEqual(["503 busy", "200 ready", "200 ready"]);
    expect(
      (
        await call(`${mock.url}/__mockpact/mocks/${encodeURIComponent(added.json.id)}`, {
          method: "DELETE",
          headers: JSON_TYPE,
        })
      ).status,
    ).toBe(204);
    expect(await answers(mock.url, 1)).toEqual(["200 Example"]);
    await call(`${mock.url}/__mockpact/mocks`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify(entry) });
    expect(await answers(mock.url, 2)).toEqual(["503 busy", "200 ready"]);
  });

  it("a bad answer in the list is a 400 naming its field", async () => {
    const mock = await started("[]");
    const res = await call(`${mock.url}/__mockpact/mocks`, {
      method: "POST",
      headers: JSON_TYPE,
      body: JSON.stringify({ operation: "getTask", respond: [{}, { example: "nope" }] }),
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: "MOCKS_INVALID", field: "/respond/1/example" });
  });
});

const skipRedis = skipWithoutRedis();
let redis: RedisServer | undefined;
afterAll(async () => {
  await redis?.stop();
});

describe.skipIf(skipRedis)("sequences with --store redis", () => {
  it("share their position across replicas, and a reset on one starts it again for both", async () => {
    redis = await startRedis();
    const store = { store: redis.url, storePrefix: "sequences-test" };
    // Replicas read the same mocks file: its entries' ids, and so their counters, are the same.
    const a = await started(RETRY, store);
    const b = await startedOn(a.dir, store);
    expect([...(await answers(a.url, 1)), ...(await answers(b.url, 1)), ...(await answers(a.url, 1))]).toEqual([
      "503 busy",
      "503 still busy",
      "200 ready",
    ]);
    await call(`${b.url}/__mockpact/reset`, { method: "POST", headers: JSON_TYPE });
    expect(await answers(a.url, 1)).toEqual(["503 busy"]);
  });
});
