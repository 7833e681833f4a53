/**
 * Hostile contracts at load: each either fails to load with a clear MockpactError, or loads
 * (with a warning where it is broken) and is served in bounded memory. Nothing hangs.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MockpactError } from "../../src/errors.js";
import { createMockServer, type MockServer } from "../../src/mock/server.js";
import type { MockEvent } from "../../src/mock/options.js";
import type { HttpResponse } from "../../src/http/types.js";
import { REGEX_TIME_LIMIT_MS } from "../../src/schema/regex.js";
import { MAX_FAKE_VALUES } from "../../src/fake/limits.js";
import { generateFixtures } from "../../src/fixtures/index.js";
import {
  ALIAS_CYCLE,
  aliasBomb,
  CATASTROPHIC_PATTERNS,
  HUGE_BOUNDS,
  fanOut,
  LOOKAROUND_ARRAYS,
  LOOKAROUND_HOSTILE_VALUE,
  REF_CYCLE,
  refTo,
  REQUIRED_RECURSION,
} from "./support/hostile-contracts.js";

/**
 * Heap growth a hostile load or answer may cause (the hazards take gigabytes). Time is not measured:
 * the hazards take minutes or forever, and the test's own time limit ends those.
 */
const HEAP_BOUND = 200 * 1024 ** 2;

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "mockpact-hostile-"));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

async function write(name: string, text: string): Promise<string> {
  const file = join(folder, name);
  await writeFile(file, text);
  return file;
}

interface Loaded {
  server: MockServer;
  warnings: string[];
}

/** Runs a load or an answer, measuring the heap it took. */
async function bounded<T>(work: () => Promise<T>): Promise<T> {
  const heapBefore = process.memoryUsage().heapUsed;
  try {
    return await work();
  } finally {
    expect(process.memoryUsage().heapUsed - heapBefore, "within the memory bound").toBeLessThan(HEAP_BOUND);
  }
}

async function loadMock(file: string): Promise<Loaded> {
  const warnings: string[] = [];
  const onEvent = (event: MockEvent) => void (event.type === "warning" && warnings.push(event.message));
  const server = await bounded(() => createMockServer({ contracts: [file], onEvent }));
  return { server, warnings };
}

async function loadError(file: string, options: { allowRemoteRefs?: boolean } = {}): Promise<MockpactError> {
  const error = await bounded(() =>
    createMockServer({ contracts: [file], ...options }).then(
      () => undefined,
      (e: unknown) => e,
    ),
  );
  expect(error).toBeInstanceOf(MockpactError);
  return error as MockpactError;
}

function ask(
  server: MockServer,
  method: string,
  url: string,
  options: { body?: string; headers?: Record<string, string> } = {},
): Promise<HttpResponse> {
  const headers = { host: "127.0.0.1", "content-type": "application/json", ...options.headers };
  return bounded(() =>
    server.handle({ method, url, headers, body: options.body === undefined ? undefined : Buffer.from(options.body) }),
  );
}

describe("YAML aliases", () => {
  it.each(["block", "flow-no-space"] as const)(
    'refuses a "billion laughs" alias bomb (%s) at parse time, in bounded time and memory',
    async (style) => {
      const text = aliasBomb(style);
      expect(text.length).toBeLessThan(800);
      const error = await loadError(await write(`bomb-${style}.yaml`, text));
      expect(error.code).toBe("CONTRACT_PARSE");
      expect(error.message).toMatch(/aliases .* expand to more than/);
      expect(error.place.file).toMatch(/bomb-.*\.yaml$/);
    },
  );

  it("refuses an alias inside the node it names (a cycle)", async () => {
    const error = await loadError(await write("alias-cycle.yaml", ALIAS_CYCLE));
    expect(error.code).toBe("CONTRACT_PARSE");
    expect(error.message).toMatch(/cycle/);
  });
});

describe("$refs", () => {
  it("warns at load about $refs that only point at each other, and answers their operation with a clear 500", async () => {
    const { server, warnings } = await loadMock(await write("ref-cycle.yaml", REF_CYCLE));
    expect(warnings.join("\n")).toMatch(/cycle of \$refs/);
    const response = await ask(server, "GET", "/loop");
    expect(response.status).toBe(500);
    expect(String(response.body)).toMatch(/components\/schemas|recurs|\$ref/);
    await server.close();
  });

  it("refuses a $ref to /etc/passwd, absolute, relative or as a file: URL", async () => {
    for (const [name, target] of [
      ["abs.yaml", "/etc/passwd"],
      ["rel.yaml", "../../../../../../../../../../etc/passwd#/x"],
      ["url.yaml", "file:///etc/passwd"],
    ]) {
      const error = await loadError(await write(name!, refTo(target!)));
      expect(["REF_OUTSIDE_ROOT", "REF_REMOTE"], `${target}: ${error.code} ${error.message}`).toContain(error.code);
      expect(error.message).not.toMatch(/root:.*:0:0:/); // nothing of the file's content
    }
  });

  it("refuses a $ref to a URL without fetching it", async () => {
    let fetched = 0;
    const remote: Server = createServer((_req, res) => {
      fetched++;
      res.end("type: object\n");
    });
    await new Promise<void>((resolve) => remote.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = remote.address() as AddressInfo;
      const error = await loadError(await write("remote.yaml", refTo(`http://127.0.0.1:${port}/schema.yaml`)));
      expect(error.code).toBe("REF_REMOTE");
      expect(fetched).toBe(0);
    } finally {
      await new Promise<void>((resolve) => remote.close(() => resolve()));
    }
  });
});

describe("schemas that cannot be faked or checked cheaply", () => {
  it("bounds catastrophic patterns in query, header, body and response alike", async () => {
    const { server } = await loadMock(await write("redos.yaml", CATASTROPHIC_PATTERNS));
    const evil = `${"a".repeat(48)}!`;
    const refused = await ask(server, "POST", `/redos?q=${evil}`, {
      body: JSON.stringify({ w: `${"word ".repeat(30)}!` }),
      headers: { "x-word": evil },
    });
    expect(refused.status).toBe(400);
    expect(refused.headers["mockpact-violations"]).toMatch(/pattern/);
    const answered = await ask(server, "POST", "/redos?q=aaa", { body: "{}", headers: { "x-word": "aa" } });
    expect(answered.status).toBeLessThan(600); // a fake of `^(a+)+b$`, or a clear error: in bounded time either way
    await server.close();
  });

  // The deadline is the behaviour here (no linear engine runs lookarounds): one request's pattern work
  // ends at REGEX_TIME_LIMIT_MS in all, where each value used to get that much (40 values: 10 s).
  it.each([
    ["40 body items", "/words", JSON.stringify(Array.from({ length: 40 }, () => LOOKAROUND_HOSTILE_VALUE))],
    ["40 query items", `/words?${Array.from({ length: 40 }, () => `w=${LOOKAROUND_HOSTILE_VALUE}`).join("&")}`, "[]"],
    [
      "a 1 MB body of short items",
      "/words",
      JSON.stringify(Array.from({ length: 25_000 }, () => LOOKAROUND_HOSTILE_VALUE)),
    ],
  ])("spends one regex budget per request on lookaround patterns: %s", async (_name, url, body) => {
    const { server } = await loadMock(await write("lookaround.yaml", LOOKAROUND_ARRAYS));
    const start = performance.now();
    const refused = await ask(server, "POST", url, { body });
    const took = performance.now() - start;
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.headers["mockpact-violations"]).toMatch(/pattern/);
    expect(String(refused.body)).toContain(`the ${REGEX_TIME_LIMIT_MS} ms budget of the request`);
    expect(took, "one budget, plus the work around it").toBeLessThan(REGEX_TIME_LIMIT_MS * 4 + 1_000);
    const fine = await ask(server, "POST", "/words?w=aaa", { body: '["aa","aaa"]' });
    expect(fine.status).toBe(204);
    await server.close();
  });

  it("stops a fake of a $ref fan-out at the fake budget: a 500 naming it, for static and dynamic answers alike", async () => {
    const text = fanOut(10, 4); // 4^9 strings from 2 KB
    expect(text.length).toBeLessThan(4_000);
    const { server } = await loadMock(await write("fan-out.yaml", text));
    for (const headers of [{}, { prefer: "dynamic=true" }, { prefer: "dynamic=true" }] as Array<
      Record<string, string>
    >) {
      const response = await ask(server, "GET", "/fan", { headers });
      expect(response.status).toBe(500);
      expect(String(response.body)).toContain(
        `more than ${MAX_FAKE_VALUES.toLocaleString("en-US")} values (the fake budget)`,
      );
      expect(Buffer.byteLength(String(response.body))).toBeLessThan(2_000);
    }
    await server.close();
  });

  it("fakes a fan-out of optional properties within the budget, with required properties only where it must", async () => {
    // Half of 8 optional properties per level: about 4^9 values, over the budget; with required ones only, one.
    const { server } = await loadMock(await write("fan-out-optional.yaml", fanOut(10, 8, { required: false })));
    const response = await ask(server, "GET", "/fan", { headers: { prefer: "dynamic=true" } });
    expect(response.status).toBe(200);
    expect(JSON.parse(String(response.body))).toEqual({ id: expect.any(Number) });
    await server.close();
  });

  it("writes no fixture for a fan-out, and lists it as failed with the budget named", async () => {
    const out = join(folder, "fan-out-fixtures");
    const result = await bounded(async () =>
      generateFixtures({ contracts: [await write("fan-out-fixtures.yaml", fanOut(10, 4))], out }),
    );
    expect(result.files).toBe(0);
    expect(result.failures.map((f) => JSON.stringify(f)).join("\n")).toContain("the fake budget");
    expect(result.bytes).toBeLessThan(10_000);
  });

  it("answers a required self-recursive schema with a clear 500, in bounded time", async () => {
    const { server } = await loadMock(await write("recursion.yaml", REQUIRED_RECURSION));
    for (let i = 0; i < 3; i++) {
      const response = await ask(server, "GET", "/node", { headers: { prefer: "dynamic=true" } });
      expect(response.status).toBe(500);
      expect(String(response.body)).toMatch(/recurs/);
    }
    await server.close();
  });

  it("checks and fakes lengths and counts near 10^9 without allocating them", async () => {
    const { server } = await loadMock(await write("huge.yaml", HUGE_BOUNDS));
    const refused = await ask(server, "POST", "/huge?q=abc", { body: "[1,2]" });
    expect(refused.status).toBe(400);
    const impossible = await ask(server, "POST", `/huge?q=${"a".repeat(10)}`, { body: "[]" });
    expect(impossible.status).toBeGreaterThanOrEqual(400); // the body cannot have 10^9 items either
    const optional = await ask(server, "GET", "/huge-optional");
    expect(optional.status).toBe(200);
    expect(JSON.parse(String(optional.body))).toHaveProperty("ok");
    await server.close();
  });
});
