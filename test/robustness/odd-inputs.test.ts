/**
 * Inputs an unlucky user meets more often than an attacker writes: each gets a clear answer (it
 * loads, or a MockpactError naming the file and place) instead of a crash, prototype junk, or a
 * failure repeated on every request.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContract } from "../../src/contract/index.js";
import { MockpactError } from "../../src/errors.js";
import { createMockServer } from "../../src/mock/server.js";
import { readHttpPacts } from "../../src/pact/read-pacts.js";

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "mockpact-odd-"));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

async function write(name: string, text: string): Promise<string> {
  const file = join(folder, name);
  await writeFile(file, text);
  return file;
}

async function failure(work: Promise<unknown>): Promise<MockpactError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MockpactError);
  return error as MockpactError;
}

describe("contracts", () => {
  it("loads a JSON contract saved with a UTF-8 byte order mark", async () => {
    const json = JSON.parse(await readFile("contracts/legacy-inventory.json", "utf8")) as object;
    const contract = await loadContract(await write("bom.json", `\uFEFF${JSON.stringify(json)}`));
    expect(contract.operations.length).toBeGreaterThan(0);
  });
});

describe("Prefer: example=NAME", () => {
  // Names every object has through its prototype: none of them is one of the contract's examples.
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])(
    "example=%s is no example: the first one is served, with a warning",
    async (name) => {
      const server = await createMockServer({ contracts: ["contracts/shop.yaml"], admin: false });
      const ask = (headers: Record<string, string>) =>
        server.handle({ method: "GET", url: "/shop/products", headers, body: undefined });
      const response = await ask({ prefer: `example=${name}` });
      expect(response.status).toBe(200);
      expect(String(response.body)).toBe(String((await ask({})).body));
      expect(response.headers["mockpact-warning"]).toContain(`example "${name}" is not defined`);
      await server.close();
    },
  );
});

describe("templates in mocks files", () => {
  // Each names a faker function that throws whenever it is called without arguments.
  it.each(["faker.helpers.arrayElement", "faker.helpers.objectKey", "faker.helpers.fromRegExp"])(
    "{{%s}} is refused at load, not answered 500 on every request",
    async (helper) => {
      const mocks = await write(
        `${helper}.yaml`,
        `- operation: getProduct\n  respond:\n    template: true\n    headers: { x-pick: "{{${helper}}}" }\n`,
      );
      const error = await failure(
        createMockServer({ contracts: ["contracts/shop.yaml"], mocks: [mocks], admin: false }),
      );
      expect(error.code).toBe("MOCKS_INVALID");
      expect(error.message).toContain(`faker '${helper.slice("faker.".length)}' fails when called without arguments`);
      expect(error.place.file).toBe(mocks);
    },
  );
});

describe("pacts", () => {
  it.each([
    ["a body nested 100,000 levels", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
    ["a JSON string body nested 100,000 levels", JSON.stringify(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)],
  ])("%s is refused as PACT_INVALID naming the file, or kept as text: never a stack overflow", async (_name, body) => {
    const text = `{"consumer":{"name":"c"},"provider":{"name":"p"},"metadata":{"pactSpecification":{"version":"3.0.0"}},"interactions":[{"description":"deep","request":{"method":"GET","path":"/d"},"response":{"status":200,"headers":{"Content-Type":"application/json"},"body":${body}}}]}`;
    const file = await write("deep.json", text);
    const outcome = await readHttpPacts([file]).then(
      (pacts) => pacts,
      (e: unknown) => e,
    );
    if (outcome instanceof Error) {
      expect(outcome).toBeInstanceOf(MockpactError);
      expect((outcome as MockpactError).code).toBe("PACT_INVALID");
      expect(outcome.message).toMatch(/deeper than \d+ levels/);
      expect(outcome.message).toContain(file);
    } else {
      const response = (outcome as Awaited<ReturnType<typeof readHttpPacts>>)[0]!.interactions[0]!.response;
      expect(response.body.kind === "present" && typeof response.body.value).toBe("string");
    }
  });
});
