/**
 * Responses HTTP cannot carry, from a contract and from a pact served with `mock --pact`: each is a
 * warning at load that names it, and a 500 problem on the wire (status line and all), never an
 * exception out of the request handler or a status no client understands. The server answers on.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MockEvent } from "../../src/mock/options.js";
import { startMock, type RunningMock } from "../support/mock-server.js";
import { head, rawExchange } from "./support/raw-http.js";

/** path, what the response holds, what the load warning names */
const CONTRACT_CASES: Array<[string, string, RegExp]> = [
  ["/status-099", '"099": { description: low }', /status "099"/],
  ["/status-700", '"700": { description: high }', /status "700"/],
  [
    "/header-space",
    '"200": { description: ok, headers: { "X Bad": { required: true, schema: { type: string, example: v } } } }',
    /header name "X Bad"/,
  ],
  [
    "/media-crlf",
    '"200": { description: ok, content: { "application/json\\r\\nX-Evil: 1": { schema: { type: object } } } }',
    /media type "application\/json\\r\\nX-Evil: 1"/,
  ],
];

/** path, the pact response, what the load warning names */
const PACT_CASES: Array<[string, Record<string, unknown>, RegExp]> = [
  ["/crlf", { status: 200, headers: { "X-A": "a\r\nSet-Cookie: evil=1" } }, /the value of "x-a"/],
  ["/beyond-latin1", { status: 200, headers: { "X-A": "日本" } }, /the value of "x-a"/],
  ["/name-space", { status: 200, headers: { "X A": "b" } }, /header name "x a"/],
  ["/status-99", { status: 99 }, /status 99/],
  ["/status-700", { status: 700 }, /status 700/],
];

function contractText(): string {
  const paths = CONTRACT_CASES.map(
    ([path, response]) => `  ${path}:\n    get:\n      responses: { ${response} }\n`,
  ).join("");
  return `openapi: 3.0.3\ninfo: { title: Unwritable, version: "1" }\npaths:\n${paths}  /fine:\n    get:\n      responses: { "200": { description: ok } }\n`;
}

function pactText(): string {
  const interactions: unknown[] = PACT_CASES.map(([path, response]) => ({
    description: `answers ${path}`,
    request: { method: "GET", path },
    response: { ...response, body: { ok: true } },
  }));
  interactions.push({
    description: "fine",
    request: { method: "GET", path: "/fine" },
    response: { status: 200, body: { ok: true } },
  });
  return JSON.stringify({
    consumer: { name: "web" },
    provider: { name: "api" },
    interactions,
    metadata: { pactSpecification: { version: "3.0.0" } },
  });
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "mockpact-unwritable-"));
  await writeFile(join(folder, "unwritable.yaml"), contractText());
  await writeFile(join(folder, "unwritable.json"), pactText());
});
afterAll(() => rm(folder, { recursive: true, force: true }));

async function startWithWarnings(options: {
  contracts?: string[];
  pacts?: string[];
}): Promise<{ mock: RunningMock; warnings: string[] }> {
  const warnings: string[] = [];
  const onEvent = (event: MockEvent) => void (event.type === "warning" && warnings.push(event.message));
  return { mock: await startMock({ ...options, onEvent, admin: false }), warnings };
}

async function expectWrittenAs500(url: string, path: string): Promise<void> {
  const exchange = await rawExchange(url, [head("GET", path)], { timeoutMs: 5_000 });
  expect(exchange.text.split("\r\n")[0], path).toBe("HTTP/1.1 500 Internal Server Error");
  expect(exchange.text).toContain("urn:mockpact:problem:mock-error");
  expect(exchange.text).not.toMatch(/^set-cookie/im);
}

describe("a contract's response HTTP cannot carry", () => {
  let mock: RunningMock;
  let warnings: string[];
  beforeAll(
    async () => ({ mock, warnings } = await startWithWarnings({ contracts: [join(folder, "unwritable.yaml")] })),
  );
  afterAll(() => mock?.close());

  it.each(CONTRACT_CASES)(
    "%s: a RESPONSE_UNWRITABLE warning at load, a 500 problem when asked",
    async (path, _response, named) => {
      expect(
        warnings.filter((w) => named.test(w)),
        warnings.join("\n"),
      ).toHaveLength(1);
      if (path !== "/media-crlf") await expectWrittenAs500(mock.url, path);
      else expect((await fetch(`${mock.url}${path}`)).status).toBe(406); // no Accept can name it: never written
      expect((await fetch(`${mock.url}/fine`)).status).toBe(200);
    },
  );
});

describe("a pact stub's response HTTP cannot carry (mock --pact)", () => {
  let mock: RunningMock;
  let warnings: string[];
  beforeAll(async () => ({ mock, warnings } = await startWithWarnings({ pacts: [join(folder, "unwritable.json")] })));
  afterAll(() => mock?.close());

  it.each(PACT_CASES)(
    "%s: a warning at load naming the interaction, a 500 problem when asked",
    async (path, _response, named) => {
      expect(
        warnings.filter((w) => w.includes(`"answers ${path}"`) && named.test(w)),
        warnings.join("\n"),
      ).toHaveLength(1);
      await expectWrittenAs500(mock.url, path);
      expect((await fetch(`${mock.url}/fine`)).status).toBe(200);
    },
  );
});
