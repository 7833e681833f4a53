import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { tempDir } from "../support/mocks.js";

const MOCKS = `
- operation: updateTask
  respond:
    template: true
    headers: { x-echo: "{{request.method}} {{request.url}} tenant={{request.headers.X-Tenant}}{{request.query.nope}}", x-cafe: "café ☕" }
    body:
      id: "{{request.path.taskId}}"
      title: "{{request.body.title}} (via {{request.query.source}})"
      done: "{{request.body.done}}"
      tags: ["{{faker.person.firstName}}", "{{faker.person.firstName}}", "{{request.body.tags[1]}}"]
      createdAt: "2024-01-01T00:00:00Z"
`;

let cleanup: () => Promise<void>;
let file: string;
const servers: RunningMock[] = [];
beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.remove;
  file = await temp.write("templates.yaml", MOCKS);
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await cleanup();
});

async function server(seed: number): Promise<RunningMock> {
  const mock = await startMock({ contracts: ["test/contracts/tasks.yaml"], mocks: [file], seed });
  servers.push(mock);
  return mock;
}

const patch = (mock: RunningMock, body: unknown) =>
  call(`${mock.url}/api/tasks/5?source=app`, {
    method: "PATCH",
    headers: { "content-type": "application/merge-patch+json", "x-tenant": "acme" },
    body: JSON.stringify(body),
  });

describe("templates", () => {
  it("renders request values, typed by the contract where a placeholder is the whole value", async () => {
    const res = await patch(await server(1), { title: "Buy milk", done: true, tags: ["x", "y"] });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: 5,
      title: "Buy milk (via app)",
      done: true,
      createdAt: "2024-01-01T00:00:00Z",
    });
    expect(res.json.tags[2]).toBe("y");
    expect(res.headers.get("x-echo")).toBe("PATCH /api/tasks/5?source=app tenant=acme");
    expect(res.headers.get("x-cafe")).toBe("caf%C3%A9 %E2%98%95"); // header values are ASCII: the rest percent-encoded
    expect(res.headers.get("mockpact-warning")).toBeNull();
  });

  it("fakes with a faker seeded by --seed and the request: same seed, same names; another seed, others", async () => {
    const a = await server(11);
    const body = { title: "t", done: false, tags: [] };
    const first = (await patch(a, body)).json.tags;
    expect(first[0]).toMatch(/^[A-Z][a-z]+/);
    expect(first[1]).not.toBe(first[0]); // one seeded faker per response: each placeholder draws anew
    expect((await patch(a, body)).json.tags).toEqual(first);
    expect((await patch(await server(11), body)).json.tags).toEqual(first);
    expect((await patch(await server(12), body)).json.tags).not.toEqual(first);
  });

  it("says in Mockpact-Warning when a rendered body breaks the contract", async () => {
    const res = await patch(await server(1), {});
    expect(res.json.title).toBe(" (via app)"); // a missing value renders as nothing inside text
    expect(res.json).not.toHaveProperty("done"); // a missing value drops a property that is one placeholder
    expect(res.headers.get("mockpact-warning")).toMatch(
      /templates\.yaml:2 breaks the contract of updateTask 200: .*done/,
    );
  });
});
