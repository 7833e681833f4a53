import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createMockServer } from "../../src/index.js";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { tempDir } from "../support/mocks.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function started(options: Parameters<typeof startMock>[0]): Promise<RunningMock> {
  const mock = await startMock(options);
  cleanups.push(() => mock.close());
  return mock;
}

const task = (id: number, title: string) => ({ id, title, done: false, createdAt: "2024-01-01T00:00:00Z" });

/** A folder as `mockpact fixtures --out` writes it: DIR/<contract>/index.json listing its files (JSON or NDJSON lines). */
async function fixturesFolder(withManifest = true): Promise<string> {
  const temp = await tempDir();
  cleanups.push(temp.remove);
  const write = async (rel: string, text: string) => {
    const file = path.join(temp.dir, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  };
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  if (!withManifest) {
    await write("tasks/getTask/200.json", json(task(7, "from getTask")));
    await write(
      "tasks/listTasks/200.json",
      json({ items: [task(3, "from the list"), { id: 4, title: "" }], total: 2 }),
    );
    await write(
      "tasks/listTasks/200.1.json",
      json({ status: 200, body: { items: [task(11, "in an envelope")], total: 1 } }),
    );
    return temp.dir;
  }
  const files = [
    { file: "getTask/200.json", kind: "response", operationId: "getTask", status: "200" },
    { file: "listTasks/200.ndjson", line: 2, kind: "response", operationId: "listTasks", status: "200" },
    { file: "createTask/201.json", kind: "response", operationId: "createTask", status: "201" },
    { file: "getTask/request.json", kind: "request", operationId: "getTask" },
  ];
  await write("tasks.yaml/index.json", json({ mockpact: "fixtures/1", contract: "tasks.yaml", seed: 1, files }));
  await write("tasks.yaml/getTask/200.json", json(task(7, "from getTask")));
  await write("tasks.yaml/getTask/request.json", json({ path: { taskId: 1 } }));
  await write("tasks.yaml/createTask/201.json", json(task(50, "a created one is not an item to keep")));
  await write(
    "tasks.yaml/listTasks/200.ndjson",
    `${JSON.stringify({ items: [task(99, "not listed")], total: 1 })}\n${JSON.stringify({ items: [task(3, "from the list"), task(11, "second"), { id: 4, title: "" }], total: 3 })}\n`,
  );
  return temp.dir;
}

describe("seeding the store from a fixtures folder", () => {
  it("starts with the valid items of the fixtures, and counts ids on from the highest", async () => {
    const mock = await started({
      contracts: ["test/contracts/tasks.yaml"],
      stateful: true,
      fixtures: await fixturesFolder(),
    });
    const list = await call(`${mock.url}/api/tasks`);
    expect(list.json.items.map((t: { id: number }) => t.id).sort((a: number, b: number) => a - b)).toEqual([3, 7, 11]); // id 4 breaks the schema
    const created = await call(`${mock.url}/api/tasks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"title":"new"}',
    });
    expect(created.json.id).toBe(12);
  });

  it("reads a folder without a manifest by its layout, a file holding the body or an envelope", async () => {
    const mock = await started({
      contracts: ["test/contracts/tasks.yaml"],
      stateful: true,
      fixtures: await fixturesFolder(false),
    });
    const list = await call(`${mock.url}/api/tasks`);
    expect(list.json.items.map((t: { id: number }) => t.id).sort((a: number, b: number) => a - b)).toEqual([3, 7, 11]);
  });

  it("returns to the fixtures on reset, not to nothing", async () => {
    const mock = await started({
      contracts: ["test/contracts/tasks.yaml"],
      stateful: true,
      fixtures: await fixturesFolder(),
    });
    await call(`${mock.url}/api/tasks/7`, { method: "DELETE" });
    expect((await call(`${mock.url}/api/tasks/7`)).status).toBe(404);
    await call(`${mock.url}/__mockpact/reset`, { method: "POST", headers: { "content-type": "application/json" } });
    expect((await call(`${mock.url}/api/tasks/7`)).json.title).toBe("from getTask");
  });

  it("fails to start naming the folder when it does not exist", async () => {
    await expect(
      createMockServer({ contracts: ["test/contracts/tasks.yaml"], stateful: true, fixtures: "no/such/dir" }),
    ).rejects.toMatchObject({
      code: "STATE_FIXTURES_INVALID",
      message: expect.stringContaining("no/such/dir"),
    });
  });
});

describe("the sample shop contract", () => {
  it("keeps a placed order and lists it, writeOnly fields never returned", async () => {
    const mock = await started({ contracts: ["contracts/shop.yaml"], stateful: true });
    const headers = { authorization: "Bearer t", "content-type": "application/json" };
    const order = {
      items: [{ productId: "p-100", quantity: 2 }],
      paymentToken: "tok-1",
      shippingAddress: { line1: "Main St 1", city: "Berlin", postalCode: "10115", country: "DE" },
    };
    const created = await call(`${mock.url}/shop/orders`, { method: "POST", headers, body: JSON.stringify(order) });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: 1, status: "pending", items: order.items });
    expect(created.json).not.toHaveProperty("paymentToken");
    expect((await call(`${mock.url}/shop/orders/1`, { headers })).json).toEqual(created.json);
    expect((await call(`${mock.url}/shop/orders`, { headers })).json).toEqual([created.json]);
    expect((await call(`${mock.url}/shop/orders/1`, { method: "DELETE", headers })).status).toBe(204);
    expect((await call(`${mock.url}/shop/orders/1`, { headers })).json.title).toBe("Not found");
  });
});
