import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { tempDir } from "../support/mocks.js";

/** Task 5 goes todo -> doing -> done, one PATCH at a time; a fourth state is never reached. */
const MOCKS = `
- operation: getTask
  when: { path: { taskId: 5 } }
  scenario: { name: task-5, when-state: started }
  respond: { body: { id: 5, title: todo, done: false, createdAt: "2024-01-01T00:00:00Z" } }
- operation: getTask
  when: { path: { taskId: 5 } }
  scenario: { name: task-5, when-state: doing }
  respond: { body: { id: 5, title: doing, done: false, createdAt: "2024-01-01T00:00:00Z" } }
- operation: getTask
  when: { path: { taskId: 5 } }
  scenario: { name: task-5, when-state: done }
  respond: { body: { id: 5, title: done, done: true, createdAt: "2024-01-01T00:00:00Z" } }
- operation: updateTask
  when: { path: { taskId: 5 } }
  scenario: { name: task-5, when-state: Started, next-state: doing }
  respond: { status: 200, body: { id: 5, title: doing, done: false, createdAt: "2024-01-01T00:00:00Z" } }
- operation: updateTask
  when: { path: { taskId: 5 } }
  scenario: { name: task-5, when-state: doing, next-state: done }
  respond: { status: 200, body: { id: 5, title: done, done: true, createdAt: "2024-01-01T00:00:00Z" } }
`;

let mock: RunningMock;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.remove;
  mock = await startMock({
    contracts: ["test/contracts/tasks.yaml"],
    mocks: [await temp.write("scenario.yaml", MOCKS)],
  });
});
afterAll(async () => {
  await mock.close();
  await cleanup();
});
beforeEach(async () => {
  await call(`${mock.url}/__mockpact/reset`, { method: "POST", headers: { "content-type": "application/json" } });
});

const title = async () => (await call(`${mock.url}/api/tasks/5`)).json.title;
const patch = () =>
  call(`${mock.url}/api/tasks/5`, {
    method: "PATCH",
    headers: { "content-type": "application/merge-patch+json" },
    body: "{}",
  });
const scenario = async () =>
  (await call(`${mock.url}/__mockpact/scenarios`)).json.find((s: { name: string }) => s.name === "task-5");
const setState = (state: unknown, name = "task-5") =>
  call(`${mock.url}/__mockpact/scenarios/${name}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ state }),
  });

describe("a three-state scenario", () => {
  it("moves from state to state on requests, and stays in its last state", async () => {
    expect(await title()).toBe("todo");
    expect(await title()).toBe("todo"); // reading does not move it
    expect((await patch()).json.title).toBe("doing");
    expect(await title()).toBe("doing");
    expect((await patch()).json.title).toBe("done");
    expect(await title()).toBe("done");
    expect((await patch()).status).toBe(200); // no entry for state done: the generated answer
    expect((await call(`${mock.url}/__mockpact/requests?limit=1`)).json.requests[0].answeredBy).toBe("generated");
    expect(await title()).toBe("done");
    expect((await scenario()).state).toBe("done");
  });

  it("is set by PUT /__mockpact/scenarios/{name} and listed with its states", async () => {
    expect(await scenario()).toEqual({ name: "task-5", state: "Started", states: ["Started", "doing", "done"] });
    expect((await setState("done")).json).toMatchObject({ name: "task-5", state: "done" });
    expect(await title()).toBe("done");
    await setState("doing");
    expect((await patch()).json.title).toBe("done");
    await setState("Started");
    expect(await title()).toBe("todo");
  });

  it("starts over on POST /__mockpact/reset", async () => {
    await patch();
    expect(await title()).toBe("doing");
    await call(`${mock.url}/__mockpact/reset`, { method: "POST", headers: { "content-type": "application/json" } });
    expect(await title()).toBe("todo");
  });

  it("refuses an unknown scenario and a missing state", async () => {
    expect((await setState("done", "nope")).status).toBe(404);
    const bad = await setState(undefined);
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
  });
});
