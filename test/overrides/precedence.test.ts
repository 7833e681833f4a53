import { afterEach, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { tempDir } from "../support/mocks.js";

const task = (title: string) => `{ body: { id: 1, title: ${title}, done: false, createdAt: "2024-01-01T00:00:00Z" } }`;
const MOCKS = `
- operation: getTask
  when: { path: { taskId: 1 } }
  respond: ${task("first")}
- operation: GET /tasks/{taskId}
  when: { path: { taskId: 1 } }
  respond: ${task("second")}
- operation: GET /api/tasks/{taskId}
  when: { path: { taskId: 2 } }
  respond: ${task("third")}
`;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function started(stateful: boolean, extraFile?: string): Promise<RunningMock> {
  const temp = await tempDir();
  const files = [await temp.write("a.yaml", MOCKS)];
  if (extraFile) files.push(await temp.write("b.yaml", extraFile));
  const mock = await startMock({ contracts: ["test/contracts/tasks.yaml"], mocks: [temp.dir], stateful });
  cleanups.push(() => mock.close(), temp.remove);
  return mock;
}

const titleOf = async (mock: RunningMock, id: number) => (await call(`${mock.url}/api/tasks/${id}`)).json?.title;

describe("precedence", () => {
  it("lets the first matching entry in file order answer (files of a folder by name)", async () => {
    const mock = await started(false, MOCKS.replaceAll("first", "from-b").replaceAll("third", "from-b"));
    expect(await titleOf(mock, 1)).toBe("first");
    expect(await titleOf(mock, 2)).toBe("third"); // a method and path with the base path names the operation too
  });

  it("puts overrides before the generated answer", async () => {
    const mock = await started(false);
    expect(await titleOf(mock, 1)).toBe("first");
    expect(await titleOf(mock, 9)).toBe("Example"); // no entry matches: the contract's example
  });

  it("puts overrides before the stateful store, and the store before the generated answer", async () => {
    const mock = await started(true);
    const post = (title: string) =>
      call(`${mock.url}/api/tasks`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title }),
      });
    await post("stored one");
    await post("stored two");
    await post("stored three");
    expect(await titleOf(mock, 1)).toBe("first");
    expect(await titleOf(mock, 3)).toBe("stored three");
    expect((await call(`${mock.url}/api/tasks/4`)).status).toBe(404);
    const journal = (await call(`${mock.url}/__mockpact/requests?limit=3`)).json.requests.map(
      (r: { answeredBy: string }) => r.answeredBy,
    );
    expect(journal[0]).toBe("stateful");
    expect(journal[2]).toMatch(/^override .*a\.yaml:2$/);
  });
});
