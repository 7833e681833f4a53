/**
 * Overrides added while the mock runs: over HTTP (`POST /__mockpact/mocks`, as WireMock's stubs) and
 * from a test (`server.use()`, as MSW's). Checked as mocks files' entries are, tried before them
 * newest first, named in the journal, kept across reloads.
 */
import { copyFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createHandler } from "../../src/index.js";
import type { MockEvent } from "../../src/mock/options.js";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { tempDir } from "../support/mocks.js";

const JSON_TYPE = { "content-type": "application/json" };
const task = (title: string) => ({ id: 1, title, done: false, createdAt: "2024-01-01T00:00:00Z" });

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function started(
  mocksText?: string,
  contract = "test/contracts/tasks.yaml",
): Promise<RunningMock & { events: MockEvent[]; dir: string }> {
  const temp = await tempDir();
  const events: MockEvent[] = [];
  if (mocksText) await temp.write("a.yaml", mocksText);
  const mock = await startMock({
    contracts: [contract],
    mocks: mocksText ? [temp.dir] : [],
    onEvent: (e) => void events.push(e),
  });
  cleanups.push(() => mock.close(), temp.remove);
  return { ...mock, events, dir: temp.dir };
}

const add = (mock: RunningMock, entry: unknown) =>
  call(`${mock.url}/__mockpact/mocks`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify(entry) });
const remove = (mock: RunningMock, id = "") =>
  call(`${mock.url}/__mockpact/mocks${id ? `/${encodeURIComponent(id)}` : ""}`, {
    method: "DELETE",
    headers: JSON_TYPE,
  });
const titleOf = async (mock: RunningMock, id = 1) => (await call(`${mock.url}/api/tasks/${id}`)).json?.title;

describe("POST /__mockpact/mocks", () => {
  it("adds an override that answers at once, returns 201 with its id, and the journal names it", async () => {
    const mock = await started();
    const added = await add(mock, { operation: "getTask", when: { path: { taskId: 1 } }, respond: { status: 404 } });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ id: "runtime:1", source: "runtime", operation: "getTask", status: 404 });
    expect(added.headers.get("location")).toBe("/__mockpact/mocks/runtime%3A1");
    expect((await call(`${mock.url}/api/tasks/1`)).status).toBe(404);
    expect((await call(`${mock.url}/api/tasks/2`)).status, "only the matching request").toBe(200);
    const journal = (await call(`${mock.url}/__mockpact/requests?limit=2`)).json.requests;
    expect(journal.map((r: { answeredBy: string }) => r.answeredBy)).toEqual(["generated", "override runtime:1"]);
  });

  it("puts runtime overrides before the mocks files', newest first; DELETE removes one, then all", async () => {
    const mock = await started(`- { operation: getTask, respond: { body: ${JSON.stringify(task("from file"))} } }`);
    expect(await titleOf(mock)).toBe("from file");
    const older = (await add(mock, { operation: "getTask", respond: { body: task("older") } })).json.id;
    const newer = (await add(mock, { operation: "GET /tasks/{taskId}", respond: { body: task("newer") } })).json.id;
    expect(await titleOf(mock)).toBe("newer");
    const listed = (await call(`${mock.url}/__mockpact/mocks`)).json;
    expect(listed.map((o: { id: string; source: string }) => `${o.source} ${o.id}`)).toEqual([
      `runtime ${newer}`,
      `runtime ${older}`,
      expect.stringMatching(/^file .*a\.yaml:1$/),
    ]);
    expect((await remove(mock, newer)).status).toBe(204);
    expect(await titleOf(mock)).toBe("older");
    expect((await remove(mock, newer)).status, "already gone").toBe(404);
    expect((await remove(mock, listed[2].id)).json.detail).toMatch(/comes from a mocks file/);
    expect((await remove(mock)).status).toBe(204);
    expect(await titleOf(mock)).toBe("from file");
    expect((await call(`${mock.url}/__mockpact/mocks`)).json).toHaveLength(1);
  });

  it("answers an invalid request with its 400 even when an override matches, as mocks files do", async () => {
    const mock = await started();
    await add(mock, { operation: "getTask", respond: { body: task("any") } });
    expect((await call(`${mock.url}/api/tasks/abc`)).status).toBe(400);
  });

  // entry, the field the 400 names, the error code
  it.each([
    [{ respond: { status: 500 } }, "", "MOCKS_INVALID"],
    [{ operation: "getTsak" }, "/operation", "MOCKS_OPERATION_UNKNOWN"],
    [{ operation: "getTask", respond: { status: "500" } }, "/respond/status", "MOCKS_INVALID"],
    [{ operation: "getTask", respond: { example: "nope" } }, "/respond/example", "MOCKS_INVALID"],
    [{ operation: "getTask", respond: { body: {}, fake: true } }, "/respond/fake", "MOCKS_INVALID"],
    [{ operation: "getTask", when: { body: { status: 1 } } }, "/when/body/status", "MATCHER_INVALID"],
    [{ operation: "getTask", colour: "red" }, "/colour", "MOCKS_INVALID"],
    [[], "", "MOCKS_INVALID"],
  ])("refuses %j with a 400 naming %s", async (entry, field, code) => {
    const mock = await started();
    const answer = await add(mock, entry);
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({
      type: "urn:mockpact:problem:admin-bad-request",
      code,
      detail: expect.stringMatching(/^Failed to read mocks entry/),
    });
    if (field) expect(answer.json.field).toBe(field);
    expect(answer.json.hint).toBeTruthy();
    expect((await call(`${mock.url}/__mockpact/mocks`)).json, "nothing was added").toEqual([]);
  });

  it("keeps a body that breaks the contract, with the same warning a mocks file gets", async () => {
    const mock = await started();
    const answer = await add(mock, { operation: "getTask", respond: { body: { id: "one" } } });
    expect(answer.status).toBe(201);
    expect(answer.json.warning).toMatch(/^override runtime:1 breaks the contract of getTask 200/);
    expect(mock.events.some((e) => e.type === "warning" && e.message === answer.json.warning)).toBe(true);
  });

  it("lets the admin API move a scenario only a runtime override mentions", async () => {
    const mock = await started();
    await add(mock, {
      operation: "getTask",
      scenario: { name: "flow", "when-state": "done" },
      respond: { body: task("done") },
    });
    expect(await titleOf(mock)).toBe("Example");
    const moved = await call(`${mock.url}/__mockpact/scenarios/flow`, {
      method: "PUT",
      headers: JSON_TYPE,
      body: '{"state":"done"}',
    });
    expect(moved.status).toBe(200);
    expect(await titleOf(mock)).toBe("done");
  });
});

describe("reloads", () => {
  it("keep runtime overrides, and drop with a warning those the new contract no longer has", async () => {
    const temp = await tempDir();
    const contract = path.join(temp.dir, "tasks.yaml");
    await copyFile("test/contracts/tasks.yaml", contract);
    const mock = await started(undefined, contract);
    cleanups.push(temp.remove);
    await add(mock, { operation: "getTask", respond: { body: task("kept") } });
    await add(mock, { operation: "deleteTask", respond: { status: 404 } });
    await writeFile(
      contract,
      (await readFile(contract, "utf8")).replace("operationId: deleteTask", "operationId: removeTask"),
    );
    await mock.server.reload();
    expect(await titleOf(mock)).toBe("kept");
    expect((await call(`${mock.url}/__mockpact/mocks`)).json.map((o: { id: string }) => o.id)).toEqual(["runtime:1"]);
    const warning = mock.events.find((e) => e.type === "warning" && /dropped a runtime override/.test(e.message));
    expect(warning).toMatchObject({ message: expect.stringContaining('"deleteTask"'), file: "runtime", line: 2 });
  });
});

describe("the library: use() and resetOverrides()", () => {
  it("adds and removes overrides on a server, as the admin API does", async () => {
    const mock = await started();
    const view = mock.server.use({ operation: "getTask", respond: { status: 404 } });
    expect(view).toMatchObject({ id: "runtime:1", source: "runtime" });
    expect((await call(`${mock.url}/api/tasks/1`)).status).toBe(404);
    expect((await call(`${mock.url}/__mockpact/mocks`)).json.map((o: { id: string }) => o.id)).toEqual(["runtime:1"]);
    mock.server.resetOverrides();
    expect((await call(`${mock.url}/api/tasks/1`)).status).toBe(200);
  });

  it("throws the mocks file's error for a bad entry", async () => {
    const mock = await started();
    expect(() => mock.server.use({ operation: "nope" })).toThrow(
      expect.objectContaining({ code: "MOCKS_OPERATION_UNKNOWN" }),
    );
  });

  it("works on createHandler's core, with no server", async () => {
    const { handle, use, resetOverrides } = await createHandler({
      contracts: ["test/contracts/tasks.yaml"],
      mocks: [],
    });
    use({ operation: "getTask", respond: { status: 404 } });
    expect((await handle({ method: "GET", url: "/api/tasks/1", headers: {} })).status).toBe(404);
    resetOverrides();
    expect((await handle({ method: "GET", url: "/api/tasks/1", headers: {} })).status).toBe(200);
  });
});
