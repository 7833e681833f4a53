/**
 * Mocks entries by `method` and `path`: a route of the contract is the contract's operation (and is
 * validated), a route no contract has is answered as written and marked in the journal.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createMockServer } from "../../src/index.js";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { tempDir } from "../support/mocks.js";

const CONTRACT = "test/contracts/tasks.yaml";
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function mockWith(mocks: string): Promise<RunningMock> {
  const temp = await tempDir();
  cleanups.push(temp.remove);
  const mock = await startMock({ contracts: [CONTRACT], mocks: [await temp.write("routes.yaml", mocks)] });
  cleanups.push(mock.close);
  return mock;
}

const MOCKS = `
- method: GET
  path: /health
  respond: { body: { ok: true }, headers: { x-served: outside } }
- method: POST
  path: /legacy/orders/{orderId}
  when: { path: { orderId: "42" }, body: { $.express: true } }
  respond: { status: 202, body: { queued: "{{request.path.orderId}}" }, template: true }
- method: GET
  path: /api/tasks/{taskId}
  when: { path: { taskId: "5" } }
  respond: { body: { id: 5, title: from the contract route, done: false, createdAt: "2024-01-01T00:00:00Z" } }
`;

describe("mocks entries outside the contract", () => {
  it("answer a route no contract has, as written, marked in the journal as not validated", async () => {
    const mock = await mockWith(MOCKS);
    const health = await call(`${mock.url}/health`);
    expect(health.status).toBe(200);
    expect(health.json).toEqual({ ok: true });
    expect(health.headers.get("x-served")).toBe("outside");
    const [entry] = (await call(`${mock.url}/__mockpact/requests?limit=1`)).json.requests;
    expect(entry).toMatchObject({
      url: "/health",
      status: 200,
      outsideContract: true,
      findings: [],
      answeredBy: expect.stringMatching(/^override .*routes\.yaml:2$/),
    });
    expect(entry.operation).toBeUndefined();
  });

  it("match path templates, path parameters and body conditions", async () => {
    const mock = await mockWith(MOCKS);
    const send = (url: string, body: unknown) =>
      call(`${mock.url}${url}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect(await send("/legacy/orders/42", { express: true })).toMatchObject({ status: 202, json: { queued: "42" } });
    expect(
      (await send("/legacy/orders/42", { express: false })).status,
      "a condition that does not hold: no route",
    ).toBe(404);
    expect((await send("/legacy/orders/43", { express: true })).status).toBe(404);
    expect((await call(`${mock.url}/health`, { method: "DELETE" })).status, "another method").toBe(404);
  });

  it("treat a method and path of the contract as its operation: validated, not marked", async () => {
    const mock = await mockWith(MOCKS);
    const task = await call(`${mock.url}/api/tasks/5`);
    expect(task.json).toMatchObject({ title: "from the contract route" });
    const [entry] = (await call(`${mock.url}/__mockpact/requests?limit=1`)).json.requests;
    expect(entry.outsideContract).toBeUndefined();
    expect(entry.operation).toMatchObject({ operationId: "getTask" });
    expect((await call(`${mock.url}/api/tasks/abc`)).status, "the contract still refuses a bad request").toBe(400);
  });

  const bad: Array<[string, string, RegExp]> = [
    [
      "neither operation nor method and path",
      "- respond: { status: 200 }\n",
      /entry 1: the entry needs `operation`, or `method` and `path`/,
    ],
    [
      "a path without a leading slash",
      "- method: GET\n  path: health\n  respond: { body: {} }\n",
      /`path` must match pattern/,
    ],
    [
      "an example outside the contract",
      "- method: GET\n  path: /health\n  respond: { example: up }\n",
      /GET \/health documents no response for status 200/,
    ],
    [
      "only a status outside the contract",
      "- method: GET\n  path: /health\n  respond: { status: 204 }\n",
      /GET \/health documents no response for status 204/,
    ],
  ];
  it.each(bad)("refuses at load: %s", async (_name, text, message) => {
    const temp = await tempDir();
    cleanups.push(temp.remove);
    const file = await temp.write("bad.yaml", text);
    const error = await createMockServer({ contracts: [CONTRACT], mocks: [file] }).then(
      () => undefined,
      (e: { code: string; message: string }) => e,
    );
    expect(error?.code).toBe("MOCKS_INVALID");
    expect(error?.message).toMatch(message);
  });
});
