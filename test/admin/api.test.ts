import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { tempDir } from "../support/mocks.js";

let mock: RunningMock;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.remove;
  const file = await temp.write(
    "m.yaml",
    "- operation: getTask\n  name: task one\n  when: { path: { taskId: 1 } }\n  scenario: { name: flow, next-state: second }\n  respond: { status: 404 }\n",
  );
  mock = await startMock({
    contracts: ["test/contracts/tasks.yaml", "contracts/shop.yaml"],
    mocks: [file],
    stateful: true,
  });
});
afterAll(async () => {
  await mock.close();
  await cleanup();
});

const admin = (path: string, init?: RequestInit) => call(`${mock.url}/__mockpact${path}`, init);

describe("the admin API", () => {
  it("GET /contracts lists the loaded contracts and their routes", async () => {
    const contracts = (await admin("/contracts")).json;
    expect(contracts.map((c: { id: string }) => c.id)).toEqual(["tasks.yaml", "shop.yaml"]);
    expect(contracts[0]).toMatchObject({ title: "Tasks", dialect: "openapi-3.0", basePaths: ["/api"] });
    expect(contracts[0].routes).toContainEqual({
      method: "PATCH",
      path: "/api/tasks/{taskId}",
      operationId: "updateTask",
    });
  });

  it("GET /mocks lists the overrides in the order they are tried", async () => {
    expect((await admin("/mocks")).json).toEqual([
      {
        id: expect.stringMatching(/m\.yaml:1$/),
        source: "file",
        name: "task one",
        contract: "tasks.yaml",
        operation: "getTask",
        status: 404,
        scenario: { name: "flow", nextState: "second" },
      },
    ]);
  });

  it("GET /state shows the inferred resources, their items and the scenarios", async () => {
    await call(`${mock.url}/api/tasks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"title":"seen"}',
    });
    await call(`${mock.url}/api/tasks/1`);
    const state = (await admin("/state")).json;
    const tasks = state.resources.find((r: { collection: string }) => r.collection === "/tasks");
    expect(tasks).toMatchObject({
      contract: "tasks.yaml",
      item: "/tasks/{taskId}",
      idProperty: "id",
      operations: { list: "listTasks", create: "createTask", patch: "updateTask", remove: "deleteTask" },
    });
    expect(tasks.collections[0].items[0]).toMatchObject({ id: 1, title: "seen" });
    expect(
      state.resources.map((r: { contract: string; collection: string }) => `${r.contract} ${r.collection}`),
    ).toContain("shop.yaml /orders");
    expect(state.scenarios).toEqual([{ name: "flow", state: "second", states: ["Started", "second"] }]);
  });

  it("answers an unknown admin route and a malformed body with problem+json", async () => {
    const unknown = await admin("/nothing");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const malformed = await admin("/scenarios/flow", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: "{state",
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.title).toBe("Bad admin request");
  });

  it("is served under --admin-prefix, and not at all with --no-admin", async () => {
    const moved = await startMock({ contracts: ["test/contracts/tasks.yaml"], adminPrefix: "/_admin/" });
    const off = await startMock({ contracts: ["test/contracts/tasks.yaml"], admin: false });
    try {
      expect((await call(`${moved.url}/_admin/requests`)).status).toBe(200);
      expect((await call(`${moved.url}/__mockpact/requests`)).json.title).toBe("No route matches the request");
      const none = await call(`${off.url}/__mockpact/requests`);
      expect(none.status).toBe(404);
      expect(none.json.type).toBe("urn:mockpact:problem:not-found");
    } finally {
      await moved.close();
      await off.close();
    }
  });
});
