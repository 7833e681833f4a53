import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send } from "../support/http.js";
import { deadUrl, startUpstream, type RunningUpstream } from "./upstream.js";
import { startProxy, violationsOf, type StartedProxy } from "./proxy-support.js";

let correct: RunningUpstream;
let broken: RunningUpstream;
let toCorrect: StartedProxy;
let toBroken: StartedProxy;

beforeAll(async () => {
  [correct, broken] = await Promise.all([startUpstream("correct"), startUpstream("broken")]);
  [toCorrect, toBroken] = await Promise.all([
    startProxy({ upstream: correct.url }),
    startProxy({ upstream: broken.url }),
  ]);
});
afterAll(async () => {
  await Promise.all([toCorrect.close(), toBroken.close()]);
  await Promise.all([correct.close(), broken.close()]);
});

describe("mockpact proxy in front of a backend that keeps the contract", () => {
  it("relays the upstream's answer with no findings and says it came from the upstream", async () => {
    const before = toCorrect.exchanges.length;
    const response = await fetch(`${toCorrect.url}/api/things/3`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 3, name: "Widget", tags: ["a"] });
    expect(response.headers.get("mockpact-source")).toBe("upstream");
    expect(response.headers.get("mockpact-violations")).toBeNull();
    const exchange = await toCorrect.exchange(before + 1);
    expect(exchange).toMatchObject({
      method: "GET",
      url: "/api/things/3",
      operationId: "getThing",
      status: 200,
      source: "upstream",
      violations: [],
    });
  });

  it("forwards an invalid request (not --strict) and reports the request's findings in the header", async () => {
    const before = toCorrect.exchanges.length;
    const response = await fetch(`${toCorrect.url}/api/things`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "", extra: 1 }),
    });
    expect(response.status).toBe(201);
    expect(correct.seen.at(-1)).toBe("POST /api/things");
    const found = violationsOf(response.headers.get("mockpact-violations"));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: "body", where: "/name", keyword: "minLength" }),
        expect.objectContaining({ in: "body", keyword: "additionalProperties" }),
      ]),
    );
    expect((await toCorrect.exchange(before + 1)).violations.length).toBe(found.length);
  });

  it("keeps the upstream's documented 404 (no fallback for a real 'no such thing')", async () => {
    const response = await fetch(`${toCorrect.url}/api/things/404`);
    expect(response.status).toBe(404);
    expect(response.headers.get("mockpact-source")).toBe("upstream");
    expect(await response.json()).toEqual({ title: "Not found", status: 404 });
  });

  it("passes redirects through without following them", async () => {
    const before = correct.seen.length;
    const response = await fetch(`${toCorrect.url}/api/moved`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/api/things/1");
    expect(correct.seen.slice(before)).toEqual(["GET /api/moved"]);
  });

  it("drops hop-by-hop headers and rewrites Host on the way up", async () => {
    // node:http, not fetch: fetch refuses to send hop-by-hop headers at all.
    await send(toCorrect.url, {
      method: "GET",
      path: "/api/things/1",
      headers: {
        "x-custom": "kept",
        "keep-alive": "timeout=5",
        connection: "keep-alive, x-private",
        "x-private": "dropped",
      },
    });
    expect(correct.lastHeaders["x-custom"]).toBe("kept");
    expect(correct.lastHeaders["keep-alive"]).toBeUndefined();
    expect(correct.lastHeaders["x-private"]).toBeUndefined();
    expect(correct.lastHeaders.host).toBe(new URL(correct.url).host);
  });
});

describe("mockpact proxy in front of a backend that breaks the contract in its responses", () => {
  it("relays the response as it came, with the findings in Mockpact-Violations and in the report", async () => {
    const before = toBroken.exchanges.length;
    const response = await fetch(`${toBroken.url}/api/things/5`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 5, name: 42, secret: true });
    const found = violationsOf(response.headers.get("mockpact-violations"));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: "response.body", where: "/name", keyword: "type" }),
        expect.objectContaining({ in: "response.body", keyword: "additionalProperties" }),
      ]),
    );
    const exchange = await toBroken.exchange(before + 1);
    expect(exchange).toMatchObject({ operationId: "getThing", source: "upstream", status: 200 });
    expect(exchange.violations.map((v) => v.in)).toEqual(found.map((v) => v.in));
  });

  it("puts proxied exchanges in the admin journal with their findings and who answered", async () => {
    const before = toBroken.exchanges.length;
    await (await fetch(`${toBroken.url}/api/things/6`, { headers: { authorization: "Bearer journal-secret" } })).text();
    await (await fetch(`${toBroken.url}/api/reports`)).text();
    await toBroken.exchange(before + 2);
    const [reports, thing] = await toBroken.server.journal.entries(2);
    expect(reports).toMatchObject({
      url: "/api/reports",
      status: 200,
      answeredBy: "mock: unimplemented",
      findings: [],
      operation: { operationId: "listReports" },
    });
    expect(thing).toMatchObject({
      url: "/api/things/6",
      status: 200,
      answeredBy: "upstream",
      operation: { operationId: "getThing" },
    });
    expect(thing!.findings.map((f) => f.in)).toContain("response.body");
    expect(thing!.headers.authorization).toBe("[redacted]");
    const admin = (await (await fetch(`${toBroken.url}/__mockpact/requests?limit=2`)).json()) as {
      requests: Array<{ url: string; answeredBy: string }>;
    };
    expect(admin.requests.map((r) => [r.url, r.answeredBy])).toEqual([
      ["/api/reports", "mock: unimplemented"],
      ["/api/things/6", "upstream"],
    ]);
    expect(broken.seen).not.toContain("GET /__mockpact/requests?limit=2");
  });

  it("checks a gzip-encoded body as decoded JSON, and relays the bytes as sent", async () => {
    const response = await fetch(`${toBroken.url}/api/things/5?gzip=1`);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(await response.json()).toEqual({ id: 5, name: 42, secret: true });
    expect(violationsOf(response.headers.get("mockpact-violations"))).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: "response.body", where: "/name", keyword: "type" })]),
    );
  });

  it("checks nothing with --validate none", async () => {
    const quiet = await startProxy({ upstream: broken.url, validate: [] });
    const response = await fetch(`${quiet.url}/api/things/5`);
    await response.text();
    expect(response.headers.get("mockpact-violations")).toBeNull();
    expect((await quiet.exchange(1)).violations).toEqual([]);
    await quiet.close();
  });
});

describe("fallback to the mock", () => {
  it("answers from the mock when the upstream answers 501, and says so in a header", async () => {
    const response = await fetch(`${toCorrect.url}/api/reports`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(["weekly", "monthly"]);
    expect(response.headers.get("mockpact-source")).toBe("mock; reason=unimplemented");
  });

  it("answers from the mock when the upstream has no such route (a 404 the contract does not document)", async () => {
    const response = await fetch(`${toCorrect.url}/api/later`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get("mockpact-source")).toBe("mock; reason=unimplemented");
  });

  it("relays the upstream's 501 with --fallback never, as a finding", async () => {
    const never = await startProxy({ upstream: correct.url, fallback: "never" });
    const response = await fetch(`${never.url}/api/reports`);
    expect(response.status).toBe(501);
    expect(response.headers.get("mockpact-source")).toBe("upstream");
    expect(violationsOf(response.headers.get("mockpact-violations"))).toEqual([
      expect.objectContaining({ in: "response.status", keyword: "status" }),
    ]);
    await never.close();
  });

  it("answers 502 problem+json when the upstream is down (default), and from the mock with --fallback unreachable", async () => {
    const down = await deadUrl();
    const plain = await startProxy({ upstream: down });
    const failed = await fetch(`${plain.url}/api/things/1`);
    expect(failed.status).toBe(502);
    expect(failed.headers.get("content-type")).toBe("application/problem+json");
    expect(await failed.json()).toMatchObject({ type: "urn:mockpact:problem:upstream-unreachable", status: 502 });
    expect((await plain.exchange(1)).error).toMatch(/ECONNREFUSED/);
    const mocked = await startProxy({ upstream: down, fallback: "unreachable" });
    const answered = await fetch(`${mocked.url}/api/later`);
    expect(answered.status).toBe(200);
    expect(answered.headers.get("mockpact-source")).toBe("mock; reason=unreachable");
    expect(await answered.json()).toEqual({ ok: true });
    await Promise.all([plain.close(), mocked.close()]);
  });
});

describe("--strict", () => {
  it("stops a request that breaks the contract with the mock's 422: the upstream sees nothing", async () => {
    const strict = await startProxy({ upstream: correct.url, strict: true });
    const before = correct.seen.length;
    const response = await fetch(`${strict.url}/api/things`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tags: "not-a-list" }),
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("mockpact-source")).toBe("mock; reason=strict");
    expect(violationsOf(response.headers.get("mockpact-violations")).map((v) => v.keyword)).toEqual(
      expect.arrayContaining(["required", "type"]),
    );
    const bad = await fetch(`${strict.url}/api/things/zero`);
    expect(bad.status).toBe(400);
    expect(correct.seen.slice(before)).toEqual([]);
    const good = await fetch(`${strict.url}/api/things/2`);
    expect(good.status).toBe(200);
    expect(correct.seen.slice(before)).toEqual(["GET /api/things/2"]);
    await strict.close();
  });
});
