import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startCli } from "../support/cli.js";
import { call } from "../support/mock-server.js";
import { tempDir, until } from "../support/mocks.js";
import { skipWithoutRedis, startRedis, type RedisServer } from "../support/redis.js";

const skip = skipWithoutRedis();
const CONTRACT = "test/contracts/tasks.yaml";
const JSON_HEADERS = { "content-type": "application/json" };
/** Polls of a recovering mock, 100 ms apart: Redis back, the mock must answer again within them. */
const RECOVERY_POLLS = 100;

/** Task 5 goes started -> doing through one PATCH, on whichever replica it is sent. */
const MOCKS = `
- operation: getTask
  when: { path: { taskId: 5 } }
  scenario: { name: task-5, when-state: doing }
  respond: { body: { id: 5, title: doing, done: false, createdAt: "2024-01-01T00:00:00Z" } }
- operation: updateTask
  when: { path: { taskId: 5 } }
  scenario: { name: task-5, when-state: Started, next-state: doing }
  respond: { status: 200, body: { id: 5, title: doing, done: false, createdAt: "2024-01-01T00:00:00Z" } }
`;

let redis: RedisServer;
let replicas: Array<{ child: ChildProcess; url: string }> = [];
let cleanup = async () => {};

beforeAll(async () => {
  if (skip) return;
  redis = await startRedis();
  const temp = await tempDir();
  cleanup = temp.remove;
  const mocks = await temp.write("scenario.yaml", MOCKS);
  const args = [
    "mock",
    CONTRACT,
    "--stateful",
    "--mocks",
    mocks,
    "--port",
    "0",
    "--store",
    redis.url,
    "--store-prefix",
    "replicas-test",
  ];
  replicas = await Promise.all([startCli(args), startCli(args)]);
}, 60_000);

afterAll(async () => {
  for (const { child } of replicas) {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    await exited;
  }
  await redis?.stop();
  await cleanup();
});

const post = (url: string, body: unknown) =>
  call(`${url}/api/tasks`, { method: "POST", headers: JSON_HEADERS, body: JSON.stringify(body) });

describe.skipIf(skip)("two mock processes on one Redis", () => {
  it("read on B what was created on A, and B's requests show in A's journal", async () => {
    const [a, b] = replicas.map((r) => r.url) as [string, string];
    const created = await post(a, { title: "made on A" });
    expect(created.status).toBe(201);
    expect((await call(`${b}/api/tasks/${created.json.id}`)).json).toEqual(created.json);
    // A journal entry is sent without holding up its answer: it may land just after it.
    const newest = async () => (await call(`${a}/__mockpact/requests?limit=1`)).json.requests[0];
    await until(async () => (await newest())?.method === "GET");
    expect(await newest()).toMatchObject({
      method: "GET",
      url: `/api/tasks/${created.json.id}`,
      answeredBy: "stateful",
    });
  });

  it("500 concurrent creates split over both give 500 unique ids and a list of 500", async () => {
    const urls = replicas.map((r) => r.url);
    await call(`${urls[0]}/__mockpact/reset`, { method: "POST", headers: JSON_HEADERS });
    const answers = await Promise.all(
      Array.from({ length: 500 }, (_, i) => post(urls[i % 2]!, { title: `task ${i}` })),
    );
    expect(answers.map((a) => a.status).filter((s) => s !== 201)).toEqual([]);
    expect(new Set(answers.map((a) => a.json.id)).size).toBe(500);
    const listed = new Set<number>();
    for (let offset = 0; offset < 500; offset += 50) {
      const page = await call(`${urls[1]}/api/tasks?limit=50&offset=${offset}`);
      expect(page.json.total).toBe(500);
      for (const task of page.json.items) listed.add(task.id);
    }
    expect(listed.size).toBe(500);
  });

  it("a scenario moved on A is seen on B", async () => {
    const [a, b] = replicas.map((r) => r.url) as [string, string];
    await call(`${a}/__mockpact/reset`, { method: "POST", headers: JSON_HEADERS });
    expect(
      (
        await call(`${a}/api/tasks/5`, {
          method: "PATCH",
          headers: { "content-type": "application/merge-patch+json" },
          body: "{}",
        })
      ).status,
    ).toBe(200);
    expect((await call(`${b}/api/tasks/5`)).json.title).toBe("doing");
    expect((await call(`${b}/__mockpact/scenarios`)).json).toContainEqual(
      expect.objectContaining({ name: "task-5", state: "doing" }),
    );
  });

  it("Redis lost: stateful answers are 503 with Retry-After, stateless ones go on; Redis back: the mocks recover on their own", async () => {
    const [a, b] = replicas.map((r) => r.url) as [string, string];
    await redis.stop();
    const lost = await call(`${a}/api/tasks`);
    expect(lost.status).toBe(503);
    expect(lost.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(lost.json).toMatchObject({ type: "urn:mockpact:problem:store-unavailable", status: 503 });
    expect((await post(b, { title: "while away" })).status).toBe(503);
    expect((await call(`${b}/api/tasks/7`, { headers: { prefer: "code=200" } })).status).toBe(200); // the generated answer needs no store
    expect((await call(`${a}/__mockpact/requests`)).status).toBe(503);

    await redis.start();
    for (const url of [a, b]) {
      let status = 0;
      for (let poll = 0; poll < RECOVERY_POLLS && status !== 201; poll++) {
        status = (await post(url, { title: "back" })).status;
        if (status !== 201) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(201);
    }
  });

  it("Redis down at start: exit 2 with STORE_UNAVAILABLE, its password redacted", async () => {
    const down = `redis://:hunter2secret@127.0.0.1:${redis.port + 1}/0`;
    const run = await runCli(["mock", CONTRACT, "--port", "0", "--store", down]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("STORE_UNAVAILABLE");
    expect(run.stderr).toContain("[redacted]");
    expect(run.stdout + run.stderr).not.toContain("hunter2secret");
  });
});
