/**
 * Near misses: a request no override answers, though one of its operation's came close, is answered
 * as usual with `Mockpact-Near-Miss` naming the closest entry and the first field that differed; an
 * unknown path gets the routes near it in its 404. Both are kept in the journal and listed by
 * GET /__mockpact/requests/unmatched.
 */
import { afterEach, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { tempDir } from "../support/mocks.js";

const CONTRACT = "test/contracts/tasks.yaml";
const JSON_TYPE = { "content-type": "application/json" };
const task = (title: string) => ({ id: 1, title, done: false, createdAt: "2024-01-01T00:00:00Z" });

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function started(mocksText = "[]"): Promise<RunningMock & { file: string }> {
  const temp = await tempDir();
  const file = await temp.write("a.yaml", mocksText);
  const mock = await startMock({ contracts: [CONTRACT], mocks: [file] });
  cleanups.push(() => mock.close(), temp.remove);
  return { ...mock, file };
}

const MOCKS = `
- operation: createTask
  when: { body: { "$.title": { regex: "urgent-.*" }, "$.done": true } }
  respond: { status: 201, body: ${JSON.stringify(task("urgent"))} }
- operation: createTask
  when: { body: { "$.title": { regex: "later-.*" } }, headers: { x-team: ops } }
  respond: { status: 201, body: ${JSON.stringify(task("later"))} }
- operation: getTask
  when: { headers: { authorization: "Bearer right-token" } }
  respond: { body: ${JSON.stringify(task("mine"))} }
- operation: getTask
  when: { path: { taskId: 7 } }
  scenario: { name: seven, when-state: archived }
  respond: { status: 404 }
`;

const post = (mock: RunningMock, body: unknown, headers: Record<string, string> = {}) =>
  call(`${mock.url}/api/tasks`, { method: "POST", headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(body) });

describe("a request no override answers", () => {
  it("is answered as usual, with the closest entry and the first field it missed in Mockpact-Near-Miss and the journal", async () => {
    const mock = await started(MOCKS);
    const res = await post(mock, { title: "urgent-fix", done: false });
    expect(res.status).toBe(201);
    expect(res.json.title, "the contract's usual answer").not.toBe("urgent");
    expect(res.headers.get("mockpact-near-miss")).toBe(`${mock.file}:2; body $.done: expected true, got false`);
    const [entry] = (await call(`${mock.url}/__mockpact/requests?limit=1`)).json.requests;
    expect(entry).toMatchObject({
      answeredBy: "generated",
      nearMiss: { override: `${mock.file}:2`, difference: "body $.done: expected true, got false", differences: 1 },
    });
  });

  it.each([
    [
      "the entry missed by fewer fields",
      { title: "later-today" },
      {},
      ':5; headers.x-team: expected "ops", got nothing',
    ],
    [
      "the first entry tried, between equals",
      { title: "now", done: true },
      { "x-team": "ops" },
      ':2; body $.title: expected to match /urgent-.*/, got "now"',
    ],
  ])("names %s", async (_name, body, headers, expected) => {
    const mock = await started(MOCKS);
    expect((await post(mock, body, headers)).headers.get("mockpact-near-miss")).toBe(`${mock.file}${expected}`);
  });

  it("never shows a credential it compared", async () => {
    const mock = await started(MOCKS);
    const res = await call(`${mock.url}/api/tasks/1`, { headers: { authorization: "Bearer wrong-token-123" } });
    expect(res.headers.get("mockpact-near-miss")).toMatch(/:8; headers\.authorization: expected .*got "\[redacted\]"$/);
    const journal = (await call(`${mock.url}/__mockpact/requests/unmatched`)).text;
    expect(journal).not.toContain("wrong-token-123");
  });

  it("names the scenario state an entry waits for, when its conditions held", async () => {
    const mock = await started(MOCKS.split("- operation: getTask")[2]!.replace(/^/, "- operation: getTask"));
    expect((await call(`${mock.url}/api/tasks/7`)).headers.get("mockpact-near-miss")).toBe(
      `${mock.file}:1; scenario seven: expected state "archived"`,
    );
  });

  it("has no near miss when an override answers, nor for an operation no override answers", async () => {
    const mock = await started(MOCKS);
    const matched = await post(mock, { title: "urgent-fix", done: true });
    expect([matched.json.title, matched.headers.get("mockpact-near-miss")]).toEqual(["urgent", null]);
    expect((await call(`${mock.url}/api/boards`)).headers.get("mockpact-near-miss")).toBeNull();
    const journal = (await call(`${mock.url}/__mockpact/requests?limit=2`)).json.requests;
    expect(journal.map((r: { nearMiss?: unknown }) => r.nearMiss)).toEqual([undefined, undefined]);
  });

  it("counts overrides added at run time, and lists near misses in GET /__mockpact/requests/unmatched", async () => {
    const mock = await started();
    const added = await call(`${mock.url}/__mockpact/mocks`, {
      method: "POST",
      headers: JSON_TYPE,
      body: JSON.stringify({
        operation: "getTask",
        when: { query: { view: "full" } },
        respond: { body: task("full") },
      }),
    });
    expect(added.status).toBe(201);
    expect((await call(`${mock.url}/api/tasks/1?view=brief`)).headers.get("mockpact-near-miss")).toBe(
      'runtime:1; query.view: expected "full", got ["brief"]',
    );
    await call(`${mock.url}/api/tasks/1?view=full`);
    const unmatched = (await call(`${mock.url}/__mockpact/requests/unmatched`)).json.requests;
    expect(unmatched.map((r: { url: string }) => r.url)).toEqual(["/api/tasks/1?view=brief"]);
  });

  it("is reported for a route outside the contracts whose entries all missed", async () => {
    const mock = await started(
      `- { method: GET, path: /health, when: { query: { deep: "true" } }, respond: { body: { ok: true } } }`,
    );
    const res = await call(`${mock.url}/health`);
    expect(res.status).toBe(404);
    expect(res.headers.get("mockpact-near-miss")).toBe(`${mock.file}:1; query.deep: expected "true", got nothing`);
  });
});

describe("an unknown path", () => {
  const cases: Array<[string, string, string[]]> = [
    ["a typo in a segment", "/api/taks/1", ["GET /api/tasks/{taskId}"]],
    ["a missing last letter", "/api/task", ["GET /api/tasks"]],
    ["a segment too many", "/api/boards/b-1/tasks", ["GET /api/boards/{boardId}"]],
    ["nothing near", "/completely/unrelated/place/here", []],
  ];
  it.each(cases)("gets the routes near it in its 404: %s", async (_name, path, first) => {
    const mock = await started();
    const res = await call(`${mock.url}${path}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((res.json.closest ?? []).slice(0, first.length)).toEqual(first);
    expect(res.json.closest?.length ?? 0).toBeLessThanOrEqual(3);
    if (first.length > 0) expect(res.json.detail).toContain(`did you mean ${first[0]}`);
    else expect(res.json).not.toHaveProperty("closest");
  });

  it("keeps them in the journal's unmatched requests", async () => {
    const mock = await started();
    await call(`${mock.url}/api/taks/1`);
    const [entry] = (await call(`${mock.url}/__mockpact/requests/unmatched`)).json.requests;
    expect(entry).toMatchObject({
      url: "/api/taks/1",
      status: 404,
      closest: expect.arrayContaining(["GET /api/tasks/{taskId}"]),
    });
  });
});
