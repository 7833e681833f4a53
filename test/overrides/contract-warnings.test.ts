import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MockEvent } from "../../src/index.js";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { tempDir } from "../support/mocks.js";

const MOCKS = `
- operation: getTask
  when: { path: { taskId: 1 } }
  respond:
    body: { id: one, title: "", done: false, createdAt: "2024-01-01T00:00:00Z" }
- operation: getTask
  when: { path: { taskId: 2 } }
  respond: { status: 418, body: { message: teapot } }
- operation: getTask
  when: { path: { taskId: 3 } }
  respond: { body: { id: 3, title: fine, done: true, createdAt: "2024-01-01T00:00:00Z" } }
`;

let mock: RunningMock;
let file: string;
let cleanup: () => Promise<void>;
const warnings: Array<Extract<MockEvent, { type: "warning" }>> = [];
beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.remove;
  file = await temp.write("warn.yaml", MOCKS);
  mock = await startMock({
    contracts: ["test/contracts/tasks.yaml"],
    mocks: [file],
    onEvent: (e) => e.type === "warning" && warnings.push(e),
  });
});
afterAll(async () => {
  await mock.close();
  await cleanup();
});

describe("an override whose fixed response breaks the contract", () => {
  it("is reported at load, naming the file and line, once per such entry", () => {
    expect(warnings.map((w) => [w.file, w.line])).toEqual([
      [file, 2],
      [file, 6],
    ]);
    expect(warnings[0]!.message).toMatch(
      /breaks the contract of getTask 200: \/id must be integer; \/title must NOT have fewer than 1 characters/,
    );
    expect(warnings[1]!.message).toMatch(/status 418, which getTask does not document/);
  });

  it("still answers, and says so in Mockpact-Warning on each response", async () => {
    const broken = await call(`${mock.url}/api/tasks/1`);
    expect(broken.json.id).toBe("one");
    expect(broken.headers.get("mockpact-warning")).toBe(warnings[0]!.message);
    const teapot = await call(`${mock.url}/api/tasks/2`);
    expect(teapot.status).toBe(418);
    expect(teapot.headers.get("mockpact-warning")).toMatch(/418/);
    const fine = await call(`${mock.url}/api/tasks/3`);
    expect(fine.headers.get("mockpact-warning")).toBeNull();
  });
});
