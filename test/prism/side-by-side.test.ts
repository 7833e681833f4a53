/**
 * Side by side with Stoplight Prism: every request of ./scenarios.ts goes to Prism 5.14
 * and to mockpact, each serving the same sample contract. Their statuses must agree, or differ exactly
 * as the scenario records (with its reason). On mockpact's side the test also checks the guarantees of
 * DESIGN.md "The mock's behaviour" that Prism does not give: every violation listed in problem+json and
 * in `Mockpact-Violations` on 400/422, `Allow` on 405, `WWW-Authenticate` on 401, writeOnly never
 * returned, and no built response that breaks its own schema (no `Mockpact-Warning`).
 *
 * One Prism per contract (Prism serves one document per process), started in parallel on free ports.
 */
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockServer, type MockServer } from "../../src/index.js";
import { send, type ReceivedResponse } from "../support/http.js";
import { startPrism, type RunningPrism } from "../support/prism.js";
import { CONTRACT_FILES, SCENARIOS, type Body, type ContractName, type Scenario } from "./scenarios.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CONTRACTS = Object.keys(CONTRACT_FILES) as ContractName[];

interface Target {
  prism: RunningPrism;
  mockpact: MockServer;
  mockpactUrl: string;
}

/** Per contract: the pair serving it, or why it did not start. */
const targets = new Map<ContractName, Target | Error>();
const prisms: RunningPrism[] = [];
const mockServers: MockServer[] = [];

// Starting never throws here: a failed start is one failing test below, and only the scenarios of
// that contract are skipped (a throwing beforeAll would turn every scenario into a skip, and no test
// would say why).
beforeAll(async () => {
  await Promise.all(
    CONTRACTS.map(async (name) => {
      const file = resolve(ROOT, CONTRACT_FILES[name]);
      try {
        const [prism, mockpact] = await Promise.all([
          startPrism(file, { pollMs: 100, readyTimeoutMs: 30_000 }).then((p) => (prisms.push(p), p)),
          createMockServer({ contracts: [file], port: 0 }).then((m) => (mockServers.push(m), m)),
        ]);
        targets.set(name, { prism, mockpact, mockpactUrl: await mockpact.listen(0) });
      } catch (error) {
        targets.set(name, error instanceof Error ? error : new Error(String(error)));
      }
    }),
  );
}, 45_000);

afterAll(async () => {
  await Promise.allSettled([...prisms.map((p) => p.stop()), ...mockServers.map((m) => m.close())]);
}, 15_000);

describe("the side-by-side servers", () => {
  it("start for every sample contract: Prism and mockpact", () => {
    const failed = CONTRACTS.flatMap((name) => {
      const target = targets.get(name);
      return target instanceof Error ? [`${name}: ${target.message}`] : target ? [] : [`${name}: not started`];
    });
    expect(failed, failed.join("\n\n")).toEqual([]);
  });
});

describe("the scenario table", () => {
  it("has at least 40 requests over the sample contracts and the Prism cases, each named once", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(SCENARIOS.map((s) => s.contract))).toEqual(new Set(CONTRACTS));
    const keys = SCENARIOS.map((s) => `${s.contract} ${s.name}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it("records a reason for every deliberate difference, and a difference is a real one", () => {
    for (const s of SCENARIOS) {
      if (typeof s.status === "number") continue;
      expect(s.status.reason.length, s.name).toBeGreaterThan(20);
      expect(s.status.prism, s.name).not.toBe(s.status.mockpact);
    }
  });
});

for (const contract of CONTRACTS) {
  describe(`${contract} (${CONTRACT_FILES[contract]})`, () => {
    for (const scenario of SCENARIOS.filter((s) => s.contract === contract)) {
      it(`${scenario.method} ${scenario.path}: ${scenario.name}`, async (context) => {
        const target = targets.get(contract);
        // A contract whose servers did not start fails once, in the test above; its scenarios cannot run.
        if (!target || target instanceof Error) return context.skip(`${contract}: Prism or mockpact did not start`);
        const request = await encode(scenario);
        const [prism, mockpact] = await Promise.all([
          send(target.prism.url, request),
          send(target.mockpactUrl, request),
        ]);
        const seen = `\n  prism    ${prism.status} ${prism.text.slice(0, 400)}\n  mockpact ${mockpact.status} ${mockpact.text.slice(0, 400)}`;
        const expected =
          typeof scenario.status === "number" ? { prism: scenario.status, mockpact: scenario.status } : scenario.status;
        expect(prism.status, `Prism's status${seen}`).toBe(expected.prism);
        expect(mockpact.status, `mockpact's status${seen}`).toBe(expected.mockpact);
        checkMockpactGuarantees(scenario, expected.mockpact, mockpact);
      }, 15_000);
    }
  });
}

interface ListedViolation {
  in: string;
  where: string;
  keyword: string;
  message: string;
}

function checkMockpactGuarantees(scenario: Scenario, status: number, res: ReceivedResponse): void {
  const want = scenario.mockpact ?? {};
  const context = `mockpact ${status} ${JSON.stringify(res.headers)} ${res.text.slice(0, 600)}`;
  const mediaType = (res.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();

  // DESIGN step 6: every built response is valid against its schema; mockpact says so when not.
  if (!want.headers?.["mockpact-warning"]) expect(res.headers["mockpact-warning"], context).toBeUndefined();

  if (status === 400 || status === 422) {
    const header = res.headers["mockpact-violations"];
    expect(header, `Mockpact-Violations header on ${status}: ${context}`).toBeDefined();
    const listed = JSON.parse(header!) as ListedViolation[];
    expect(Array.isArray(listed) && listed.length > 0, context).toBe(true);
    for (const v of listed) {
      expect(v, context).toMatchObject({
        in: expect.any(String),
        where: expect.any(String),
        keyword: expect.any(String),
        message: expect.any(String),
      });
    }
    expect(want.violations, `a ${status} row lists every expected violation`).toBeDefined();
    expect(violationKeys(listed), context).toEqual([...new Set(want.violations)].sort());
    expect(want.errorBody, `a ${status} row says whose error body it expects`).toBeDefined();
    if (want.errorBody === "own") {
      expect(mediaType, context).toBe("application/problem+json");
      const problem = res.json as { type?: unknown; title?: unknown; status?: unknown; violations?: unknown };
      expect(problem.type, context).toMatch(/^urn:mockpact:problem:/);
      expect(typeof problem.title, context).toBe("string");
      expect(problem.status, context).toBe(status);
      // Every violation, in the body as in the header (the header is not cut at this size).
      expect(problem.violations, context).toEqual(listed);
    } else {
      expect(String((res.json as { type?: unknown } | undefined)?.type ?? ""), context).not.toMatch(/^urn:mockpact:/);
    }
  } else {
    expect(want.violations, "violations are only listed on 400/422 rows").toBeUndefined();
  }

  if (status === 401) {
    const challenge = res.headers["www-authenticate"];
    expect(challenge, `WWW-Authenticate on 401: ${context}`).toBeTruthy();
    if (typeof want.challenge === "string") expect(challenge, context).toBe(want.challenge);
    else if (want.challenge) expect(challenge, context).toMatch(want.challenge);
  }

  if (status === 405) {
    expect(want.allow, "a 405 row says which methods Allow lists").toBeDefined();
    expect(res.headers.allow, context).toBe(want.allow);
  }
  if (status === 405 || status === 406 || status === 415) expect(mediaType, context).toBe("application/problem+json");

  if (want.contentType) expect(mediaType, context).toBe(want.contentType);
  if (want.body !== undefined) expect(res.json, context).toEqual(want.body);
  for (const [name, value] of Object.entries(want.headers ?? {})) {
    const actual = res.headers[name.toLowerCase()];
    expect(actual, `${name}: ${context}`).toBeDefined();
    if (typeof value === "string") expect(actual, context).toBe(value);
    else expect(actual, context).toMatch(value);
  }
  if (want.absent) {
    expect(res.json, `a JSON body to look into: ${context}`).toBeDefined();
    const objects = Array.isArray(res.json) ? res.json : [res.json];
    for (const object of objects) {
      for (const name of want.absent) expect(Object.keys(object as object), context).not.toContain(name);
    }
  }
  if (status >= 200 && status < 300 && status !== 204 && mediaType.endsWith("json"))
    expect(res.json, context).toBeDefined();
}

function violationKeys(violations: ListedViolation[]): string[] {
  return [...new Set(violations.map((v) => `${v.in}:${v.where}`))].sort();
}

/** The same bytes and headers for both servers. */
async function encode(
  scenario: Scenario,
): Promise<{ method: string; path: string; headers: Record<string, string>; body?: Buffer }> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(scenario.headers ?? {})) headers[name.toLowerCase()] = value;
  const body = scenario.body;
  if (!body) return { method: scenario.method, path: scenario.path, headers };
  const encoded = await encodeBody(body);
  if (encoded.contentType && headers["content-type"] === undefined) headers["content-type"] = encoded.contentType;
  return { method: scenario.method, path: scenario.path, headers, body: encoded.bytes };
}

async function encodeBody(body: Body): Promise<{ bytes: Buffer; contentType?: string }> {
  if ("json" in body) return { bytes: Buffer.from(JSON.stringify(body.json)), contentType: "application/json" };
  if ("raw" in body) return { bytes: Buffer.from(body.raw) };
  if ("form" in body)
    return {
      bytes: Buffer.from(new URLSearchParams(body.form).toString()),
      contentType: "application/x-www-form-urlencoded",
    };
  const form = new FormData();
  for (const [name, part] of Object.entries(body.multipart)) {
    if (typeof part === "string") form.append(name, part);
    else form.append(name, new Blob([Buffer.from(part.content, "latin1")], { type: part.type }), part.filename);
  }
  const request = new Request("http://multipart.invalid/", { method: "POST", body: form });
  return {
    bytes: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get("content-type") ?? undefined,
  };
}
