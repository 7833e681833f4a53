/**
 * A short fuzz run, seeded and bounded by count: random bytes, random JSON and YAML, and mutations of
 * the sample contract and pacts, through contract loading and lint, the mock's request path, and pact
 * reading and stubs. Whatever comes in, the outcome is a result, a MockpactError, or an HTTP answer
 * that can be written (a 4xx for a bad request): never another exception, never a hang (the test's
 * time limit would end one).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContract } from "../../src/contract/index.js";
import { isHeaderName, isHeaderValue, isWritableStatus } from "../../src/contract/writable.js";
import { MockpactError } from "../../src/errors.js";
import type { HttpResponse } from "../../src/http/types.js";
import { lintContracts } from "../../src/lint/index.js";
import { createMockServer, type MockServer } from "../../src/mock/server.js";
import { readHttpPacts } from "../../src/pact/read-pacts.js";
import { createPactStubs } from "../../src/pact/stubs/index.js";
import { Fuzz } from "./support/fuzz.js";

const SEED = 13;
const CONTRACT_CASES = 120;
const REQUEST_CASES = 400;
const PACT_CASES = 150;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "mockpact-fuzz-"));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** encodeURIComponent refuses lone surrogates: a client cannot send one in a URL either. */
const encode = (text: string) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, "?"));

/** Resolves with the work's result, or with its error when that is a MockpactError; any other error fails the case. */
async function outcome<T>(label: string, work: () => Promise<T>): Promise<T | MockpactError> {
  try {
    return await work();
  } catch (error) {
    expect(error, `${label}: ${(error as Error)?.stack ?? String(error)}`).toBeInstanceOf(MockpactError);
    return error as MockpactError;
  }
}

/** An answer node:http can write as it is: a status of 100-599, token names, Latin-1 values. */
function expectWritable(response: HttpResponse, label: string): void {
  expect(isWritableStatus(response.status), `${label}: status ${response.status}`).toBe(true);
  for (const [name, value] of Object.entries(response.headers)) {
    expect(isHeaderName(name), `${label}: header name ${JSON.stringify(name)}`).toBe(true);
    for (const v of Array.isArray(value) ? value : [value])
      if (v !== undefined) expect(isHeaderValue(String(v)), `${label}: ${name}: ${JSON.stringify(v)}`).toBe(true);
  }
}

async function contractCase(
  fuzz: Fuzz,
  base: Record<string, unknown>,
  n: number,
): Promise<{ file: string; text: string }> {
  const kind = n % 6;
  const json = kind < 3 ? fuzz.mutate(base, 1 + fuzz.int(4)) : fuzz.json(4);
  const text =
    kind === 5
      ? fuzz.bytes(2_000).toString("latin1")
      : kind % 2 === 0
        ? JSON.stringify(json)
        : `${stringify(json)}${fuzz.next() < 0.3 ? `\nx-a: &a [${fuzz.pick(["*a", "1", "*b"])}]\n` : ""}`;
  const file = path.join(work, `contract-${n}.${kind % 2 === 0 ? "json" : "yaml"}`);
  await writeFile(file, text);
  return { file, text };
}

describe("contracts", () => {
  it(`loads, lints and serves ${CONTRACT_CASES} random and mutated contracts without an exception other than MockpactError`, async () => {
    const fuzz = new Fuzz(SEED);
    const base = (await loadContract("contracts/shop.yaml")).document;
    let loaded = 0;
    for (let n = 0; n < CONTRACT_CASES; n++) {
      const { file } = await contractCase(fuzz, base, n);
      const contract = await outcome(`load ${file}`, () => loadContract(file));
      await outcome(`lint ${file}`, () => lintContracts([file]));
      if (contract instanceof MockpactError) continue;
      loaded++;
      const server = await outcome(`mock ${file}`, () => createMockServer({ contracts: [file], admin: false }));
      if (server instanceof MockpactError) continue;
      for (const operation of contract.operations.slice(0, 3)) {
        const url = operation.path.replace(/\{[^}]*\}/g, () => encode(fuzz.text()));
        const response = await outcome(`answer ${file} ${url}`, () =>
          server.handle({
            method: operation.method.toUpperCase(),
            url,
            headers: { prefer: fuzz.pick(["", "dynamic=true", "code=404", "example=__proto__"]) },
            body: undefined,
          }),
        );
        if (!(response instanceof MockpactError)) expectWritable(response, `${file} ${operation.method} ${url}`);
      }
      await server.close();
    }
    expect(loaded, "enough mutations load for the mock to be fuzzed too").toBeGreaterThan(CONTRACT_CASES / 10);
  }, 120_000);
});

describe("the mock's request path", () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await createMockServer({
      contracts: ["contracts/shop.yaml", "contracts/catalog-faker.yaml"],
      admin: false,
      stateful: true,
    });
  });
  afterAll(() => server?.close());

  it(`answers ${REQUEST_CASES} random requests with a writable 2xx-4xx, never a 5xx or an exception`, async () => {
    const fuzz = new Fuzz(SEED);
    const statuses = new Map<number, number>();
    const paths = [
      "/shop/products",
      "/shop/products/p-100",
      "/shop/orders",
      "/shop/orders/1",
      "/catalog/pets",
      "/catalog/pets/1",
      "/nowhere",
    ];
    for (let n = 0; n < REQUEST_CASES; n++) {
      const query = Array.from(
        { length: fuzz.int(4) },
        () =>
          `${encode(fuzz.text())}=${fuzz.pick([encode(fuzz.text()), "%", "%E0%A4%A", fuzz.text().replace(/[#?]/g, "")])}`,
      ).join("&");
      const url = `${fuzz.pick(paths)}${fuzz.pick(["", "", "", "/", `/${encode(fuzz.text())}`])}${query ? `?${query}` : ""}`;
      const method = fuzz.pick([
        "GET",
        "GET",
        "GET",
        "GET",
        "POST",
        "POST",
        "PUT",
        "PATCH",
        "DELETE",
        "HEAD",
        "OPTIONS",
        "BREW",
      ]);
      // A body on a method whose operations take none is a 415 (as Prism answers): mostly send one where it can be read.
      const sendsBody = ["POST", "PUT", "PATCH"].includes(method) || fuzz.int(8) === 0;
      const body = !sendsBody
        ? undefined
        : fuzz.pick([
            undefined,
            fuzz.bytes(200),
            Buffer.from(JSON.stringify(fuzz.json(4))),
            Buffer.from(
              JSON.stringify(fuzz.mutate({ name: "Widget", price: 1, items: [{ productId: "p-1", quantity: 1 }] }, 2)),
            ),
          ]);
      const headers: Record<string, string> = {
        "content-type": fuzz.pick([
          "application/json",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "text/plain",
          fuzz.text(),
        ]),
        accept: fuzz.pick(["*/*", "*/*", "application/json", "text/html", fuzz.text()]),
        prefer: fuzz.pick(["", "", "", "dynamic=true", "code=999", "code=404", "example=constructor", fuzz.text()]),
        authorization: fuzz.pick(["Bearer x", "Bearer x", "", fuzz.text()]),
        "x-api-key": fuzz.pick(["k", "k", ""]),
        cookie: fuzz.pick(["", `session=${fuzz.text()}`]),
      };
      const label = `${method} ${url} ${JSON.stringify(headers)}`;
      const response = await outcome(label, () => server.handle({ method, url, headers, body }));
      expect(response, label).not.toBeInstanceOf(MockpactError);
      expectWritable(response as HttpResponse, label);
      expect(
        (response as HttpResponse).status,
        `${label}: ${String((response as HttpResponse).body).slice(0, 300)}`,
      ).toBeLessThan(500);
      const status = (response as HttpResponse).status;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    // The cases reach past routing: some are answered, most are refused for one reason or another.
    const answered = [...statuses].filter(([status]) => status < 300).reduce((sum, [, count]) => sum + count, 0);
    expect(answered, JSON.stringify([...statuses])).toBeGreaterThan(REQUEST_CASES / 20);
    expect(statuses.size, JSON.stringify([...statuses])).toBeGreaterThan(4);
  }, 120_000);
});

describe("pacts", () => {
  it(`reads ${PACT_CASES} random and mutated pacts, and answers from the ones it reads, without an exception other than MockpactError`, async () => {
    const fuzz = new Fuzz(SEED);
    const base = JSON.parse(await readFile("fixtures/pacts/shop-web-shop-api.json", "utf8")) as Record<string, unknown>;
    for (let n = 0; n < PACT_CASES; n++) {
      const kind = n % 4;
      const text =
        kind === 3
          ? fuzz.bytes(1_000).toString("latin1")
          : JSON.stringify(kind === 2 ? fuzz.json(4) : fuzz.mutate(base, 1 + fuzz.int(4)));
      const file = path.join(work, `pact-${n}.json`);
      await writeFile(file, text);
      const pacts = await outcome(`read ${file}`, () => readHttpPacts([file]));
      if (pacts instanceof MockpactError) continue;
      const stubs = await outcome(`stubs ${file}`, async () => createPactStubs(pacts));
      if (stubs instanceof MockpactError) continue;
      for (let r = 0; r < 3; r++) {
        const request = {
          method: fuzz.pick(["GET", "POST", "DELETE"]),
          url: fuzz.pick(["/products", "/products/p-100", `/${encode(fuzz.text())}`]),
          headers: { "content-type": "application/json" },
          body: Buffer.from(JSON.stringify(fuzz.json(3))),
        };
        const answer = await outcome(`answer ${file}`, async () => stubs.answer(request));
        if (!(answer instanceof MockpactError))
          expect(isWritableStatus(answer.response.status) || answer.kind === "matched", file).toBe(true);
      }
    }
  }, 120_000);
});
