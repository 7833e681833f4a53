import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ contracts: ["test/contracts/hostile.yaml"], maxBody: "64kb" });
});
afterAll(() => mock.close());

/** After every hostile request the server must still answer a good one. */
async function expectStillServing(): Promise<void> {
  const res = await call(`${mock.url}/ping`);
  expect(res.status).toBe(200);
  expect(res.json).toEqual({ pong: true });
}

const post = (body: string | Uint8Array, headers: Record<string, string> = { "content-type": "application/json" }) =>
  call(`${mock.url}/echo`, { method: "POST", headers, body });

describe("hostile requests", () => {
  it("answers 400 naming the position of invalid JSON", async () => {
    const res = await post('{"word": "a",}');
    expect(res.status).toBe(400);
    expect(res.json.violations[0]).toMatchObject({ in: "body", keyword: "parse" });
    expect(res.json.violations[0].message).toMatch(/position \d+/);
    await expectStillServing();
  });

  it("answers 413 naming the limit for a body over --max-body", async () => {
    const res = await post(JSON.stringify({ nested: "x".repeat(70_000) }));
    expect(res.status).toBe(413);
    expect(res.json.detail).toMatch(/65536 bytes/);
    await expectStillServing();
  });

  it("answers 400 for a 10,000-deep nested body without parsing it", async () => {
    const deep = `{"nested":${"[".repeat(10_000)}${"]".repeat(10_000)}}`;
    const res = await post(deep, { "content-type": "application/json" });
    expect(res.status).toBe(400);
    expect(res.json.violations[0].keyword).toBe("maxDepth");
    await expectStillServing();
  });

  it("bounds a catastrophic pattern on a query parameter and answers 400", async () => {
    const res = await call(`${mock.url}/echo?code=${"a".repeat(40)}!`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(400);
    expect(res.json.violations[0]).toMatchObject({ where: "code", keyword: "pattern" });
    await expectStillServing();
  });

  it("bounds a catastrophic pattern in a body and answers 422", async () => {
    const res = await post(JSON.stringify({ word: `${"a".repeat(60)}b` }));
    expect(res.status).toBe(422);
    expect(res.json.violations[0]).toMatchObject({ where: "/word", keyword: "pattern" });
    await expectStillServing();
  });

  it("answers 400 for a malformed Content-Type on a JSON body", async () => {
    const res = await post("{}", { "content-type": "application/json; charset" });
    expect([200, 400, 415]).toContain(res.status);
    await expectStillServing();
  });
});
