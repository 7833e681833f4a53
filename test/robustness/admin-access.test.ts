/**
 * The admin API reads the journal and resets the state, so a page of another site must not reach
 * it through a user's browser (DNS rebinding, CSRF), and a shared environment can ask for a token.
 * Every case is a real request on a real socket, with the headers a browser would send.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MockEvent } from "../../src/mock/options.js";
import { createMockServer } from "../../src/mock/server.js";
import { startMock, type RunningMock } from "../support/mock-server.js";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with any headers, `Host` included (fetch cannot set it). */
function send(
  url: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
  body?: string,
): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port, path, method: options.method ?? "GET", headers: options.headers },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const JSON_TYPE = { "content-type": "application/json" };

let mock: RunningMock;
let port: string;
beforeAll(async () => {
  mock = await startMock({ contracts: ["contracts/shop.yaml"], adminHosts: ["mock.test"] });
  port = new URL(mock.url).port;
});
afterAll(() => mock?.close());

describe("Host", () => {
  // host, accepted: loopback names, IP literals (a page there is this server), the bound host, --admin-hosts
  it.each([
    ["127.0.0.1", true],
    ["localhost", true],
    ["app.localhost", true],
    ["[::1]", true],
    ["10.1.2.3", true],
    ["mock.test", true],
    ["attacker.example", false], // a rebinding name that resolves to 127.0.0.1
    ["127.0.0.1.nip.io", false],
  ])("%s: accepted %s", async (host, accepted) => {
    const answer = await send(mock.url, "/__mockpact/requests", { headers: { host: `${host}:${port}` } });
    expect(answer.status).toBe(accepted ? 200 : 403);
    if (!accepted) expect(answer.body).toContain("urn:mockpact:problem:admin-forbidden");
    expect(
      (await send(mock.url, "/shop/products/p-100", { headers: { host: `attacker.example:${port}` } })).status,
      "the mock itself answers any Host",
    ).toBe(200);
  });
});

describe("state changes (CSRF)", () => {
  // headers of POST /reset, accepted
  it.each([
    ["Content-Type: application/json", JSON_TYPE, true],
    ["no Content-Type (a form or a plain fetch)", {}, false],
    ["Content-Type: text/plain", { "content-type": "text/plain" }, false],
    ["Content-Type: application/x-www-form-urlencoded", { "content-type": "application/x-www-form-urlencoded" }, false],
    ["Sec-Fetch-Site: cross-site", { ...JSON_TYPE, "sec-fetch-site": "cross-site" }, false],
    ["Sec-Fetch-Site: same-site (another port)", { ...JSON_TYPE, "sec-fetch-site": "same-site" }, false],
    ["Sec-Fetch-Site: same-origin", { ...JSON_TYPE, "sec-fetch-site": "same-origin" }, true],
    ["Origin of another site", { ...JSON_TYPE, origin: "http://attacker.example" }, false],
    ["Origin: null (a sandboxed page)", { ...JSON_TYPE, origin: "null" }, false],
  ])("POST /reset with %s: accepted %s", async (_name, headers, accepted) => {
    const answer = await send(mock.url, "/__mockpact/reset", { method: "POST", headers });
    expect(answer.status).toBe(accepted ? 204 : 403);
  });

  // the verification API's POST routes read the journal: a cross-site page must not reach them either
  it.each([
    ["/__mockpact/requests/count", JSON_TYPE, true],
    ["/__mockpact/requests/find", JSON_TYPE, true],
    ["/__mockpact/requests/count", { "content-type": "text/plain" }, false],
    ["/__mockpact/requests/find", {}, false],
    ["/__mockpact/requests/count", { ...JSON_TYPE, "sec-fetch-site": "cross-site" }, false],
    ["/__mockpact/requests/find", { ...JSON_TYPE, origin: "http://attacker.example" }, false],
  ])("POST %s with %j: accepted %s", async (path, headers, accepted) => {
    expect((await send(mock.url, path, { method: "POST", headers })).status).toBe(accepted ? 200 : 403);
  });

  it.each(["/__mockpact/requests/unmatched", "/__mockpact/requests?method=GET"])(
    "GET %s refuses a rebinding Host",
    async (path) => {
      expect((await send(mock.url, path, { headers: { host: `attacker.example:${port}` } })).status).toBe(403);
    },
  );

  // the runtime overrides' routes change what the mock answers: the same guard, before the route runs
  it.each([
    ["POST", "/__mockpact/mocks", {}, 403],
    ["POST", "/__mockpact/mocks", { "content-type": "text/plain" }, 403],
    ["POST", "/__mockpact/mocks", { ...JSON_TYPE, "sec-fetch-site": "cross-site" }, 403],
    ["POST", "/__mockpact/mocks", { ...JSON_TYPE, origin: "http://attacker.example" }, 403],
    ["POST", "/__mockpact/mocks", JSON_TYPE, 201],
    ["DELETE", "/__mockpact/mocks/runtime:1", {}, 403],
    ["DELETE", "/__mockpact/mocks", { ...JSON_TYPE, "sec-fetch-site": "same-site" }, 403],
    ["DELETE", "/__mockpact/mocks", JSON_TYPE, 204],
  ] as Array<[string, string, Record<string, string>, number]>)(
    "%s %s with %j: %i",
    async (method, path, headers, status) => {
      const body = method === "POST" ? JSON.stringify({ operation: "getOrder", respond: { status: 404 } }) : undefined;
      const answer = await send(mock.url, path, { method, headers }, body);
      expect(answer.status).toBe(status);
    },
  );

  it("accepts a state change from the console's own origin", async () => {
    const answer = await send(mock.url, "/__mockpact/requests", {
      method: "DELETE",
      headers: { ...JSON_TYPE, origin: `http://127.0.0.1:${port}`, "sec-fetch-site": "same-origin" },
    });
    expect(answer.status).toBe(204);
  });
});

describe("the console's headers", () => {
  it.each(["/__mockpact/", "/__mockpact/requests"])(
    "%s is never framed and runs only its own scripts",
    async (path) => {
      const answer = await send(mock.url, path);
      expect(answer.status).toBe(200);
      expect(answer.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
      expect(answer.headers["content-security-policy"]).toMatch(/script-src 'self'/);
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    },
  );
});

describe("--admin-token", () => {
  let guarded: RunningMock;
  beforeAll(async () => {
    guarded = await startMock({ contracts: ["contracts/shop.yaml"], adminToken: "s3cret-token" });
  });
  afterAll(() => guarded?.close());

  // path, Authorization, status
  it.each([
    ["/__mockpact/requests", undefined, 401],
    ["/__mockpact/requests", "Bearer wrong-token!", 401],
    ["/__mockpact/requests", "Basic czNjcmV0LXRva2Vu", 401],
    ["/__mockpact/requests", "Bearer s3cret-token", 200],
    ["/__mockpact/state", "Bearer s3cret-token", 200],
    ["/__mockpact/requests/unmatched", undefined, 401],
    ["/__mockpact/requests/unmatched", "Bearer s3cret-token", 200],
    ["/__mockpact/requests?status=4xx", undefined, 401],
    ["/__mockpact/mocks", undefined, 401],
    ["/__mockpact/", undefined, 200], // the console's page: it holds no data, and sends the token itself
    ["/__mockpact/console/app.js", undefined, 200],
  ] as Array<[string, string | undefined, number]>)("GET %s with %s: %i", async (path, authorization, status) => {
    const answer = await send(guarded.url, path, { headers: authorization ? { authorization } : {} });
    expect(answer.status).toBe(status);
    if (status === 401) expect(answer.headers["www-authenticate"]).toMatch(/^Bearer/);
  });

  it.each([
    ["/__mockpact/requests/count", undefined, 401],
    ["/__mockpact/requests/find", "Bearer wrong-token!", 401],
    ["/__mockpact/requests/count", "Bearer s3cret-token", 200],
  ] as Array<[string, string | undefined, number]>)("POST %s with %s: %i", async (path, authorization, status) => {
    const answer = await send(guarded.url, path, {
      method: "POST",
      headers: { ...JSON_TYPE, ...(authorization ? { authorization } : {}) },
    });
    expect(answer.status).toBe(status);
  });

  // method, path, Authorization, status: adding and removing overrides needs the token too
  it.each([
    ["POST", "/__mockpact/mocks", undefined, 401],
    ["POST", "/__mockpact/mocks", "Bearer s3cret-token", 201],
    ["DELETE", "/__mockpact/mocks", undefined, 401],
    ["DELETE", "/__mockpact/mocks", "Bearer s3cret-token", 204],
  ] as Array<[string, string, string | undefined, number]>)(
    "%s %s with %s: %i",
    async (method, path, authorization, status) => {
      const headers = { ...JSON_TYPE, ...(authorization ? { authorization } : {}) };
      const body = method === "POST" ? JSON.stringify({ operation: "getOrder", respond: { status: 404 } }) : undefined;
      expect((await send(guarded.url, path, { method, headers }, body)).status).toBe(status);
    },
  );

  it("refuses a token too short to resist guessing", async () => {
    await expect(createMockServer({ contracts: ["contracts/shop.yaml"], adminToken: "short" })).rejects.toMatchObject({
      code: "OPTION_INVALID",
    });
  });
});

describe("binding beyond loopback", () => {
  it.each([
    ["127.0.0.1", {}, undefined],
    ["0.0.0.0", {}, /admin API \(journal, state, reset\) is open to them: set --admin-token/],
    ["0.0.0.0", { adminToken: "s3cret-token" }, /needs the --admin-token/],
  ] as Array<[string, object, RegExp | undefined]>)("on %s %j: warns %s", async (host, options, warning) => {
    const warnings: string[] = [];
    const server = await createMockServer({
      contracts: ["contracts/shop.yaml"],
      host,
      ...options,
      onEvent: (e: MockEvent) => void (e.type === "warning" && warnings.push(e.message)),
    });
    await server.listen(0);
    await server.close();
    if (warning) expect(warnings.join("\n")).toMatch(warning);
    else expect(warnings.filter((w) => w.startsWith("Listening on"))).toEqual([]);
  });
});
