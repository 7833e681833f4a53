import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startMock, type RunningMock } from "../support/mock-server.js";

const RATED = "test/contracts/cors/rated.yaml";
const ORIGIN = "http://localhost:5173";
const PREFLIGHT = {
  origin: ORIGIN,
  "access-control-request-method": "POST",
  "access-control-request-headers": "content-type",
};

function exposed(headers: Headers): string[] {
  return (headers.get("access-control-expose-headers") ?? "").split(",").map((name) => name.trim());
}

describe("mock --cors", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ contracts: [RATED], cors: true, latency: 5 });
  });
  afterAll(() => mock.close());

  it("lets a script read the operation's documented headers and the mock's own", async () => {
    const res = await call(`${mock.url}/items`, { headers: { origin: ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-rate-limit-remaining")).toBe("99");
    expect(res.headers.get("mockpact-delay")).toBe("5");
    expect(exposed(res.headers)).toEqual(
      expect.arrayContaining([
        "x-rate-limit-remaining",
        "etag",
        "mockpact-delay",
        "mockpact-violations",
        "mockpact-warning",
      ]),
    );
    expect(exposed(res.headers)).not.toContain("cache-control"); // safelisted: readable anyway
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
  });

  it("exposes the violations header on a refused request", async () => {
    const res = await call(`${mock.url}/items`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("mockpact-violations")).toContain("required");
    expect(exposed(res.headers)).toContain("mockpact-violations");
  });

  it("answers a preflight at once: --latency is for the real request", async () => {
    const res = await call(`${mock.url}/items`, { method: "OPTIONS", headers: PREFLIGHT });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("mockpact-delay")).toBeNull();
  });
});

describe("mock without --cors", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ contracts: [RATED] });
  });
  afterAll(() => mock.close());

  it.each([
    ["a documented path", "/items", 405],
    ["an unknown path", "/nothing", 404],
  ])(
    "answers a browser's preflight of %s with a problem that says to start the mock with --cors",
    async (_, path, status) => {
      const res = await call(`${mock.url}${path}`, { method: "OPTIONS", headers: PREFLIGHT });
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.json.detail).toMatch(/CORS preflight; start the mock with --cors/);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    },
  );

  it("says nothing of CORS to a plain OPTIONS request", async () => {
    const res = await call(`${mock.url}/items`, { method: "OPTIONS" });
    expect(res.status).toBe(405);
    expect(res.json.detail).not.toMatch(/cors/i);
  });
});
