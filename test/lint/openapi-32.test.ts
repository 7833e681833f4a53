import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintContracts } from "../../src/lint/index.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "mockpact-lint32-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function lintText(name: string, text: string) {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return (await lintContracts([file])).findings;
}

describe("mockpact lint on OpenAPI 3.2", () => {
  it("finds a 3.2 contract that uses 3.2's fields clean (query, additionalOperations, itemSchema, dataValue)", async () => {
    const { findings } = await lintContracts(["test/contracts/faithful/v32.yaml"]);
    expect(findings).toEqual([]);
  });

  it("checks a 3.2 document against the official 3.2 schema, naming the place", async () => {
    const findings = await lintText(
      "bad.yaml",
      "openapi: 3.2.0\ninfo: { title: t, version: '1' }\npaths:\n  /a:\n    get:\n      responses:\n        '200': { descriptio: x }\n",
    );
    expect(findings).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "CONTRACT_INVALID",
        pointer: "#/paths/~1a/get/responses/200",
      }),
    ]);
    expect(findings[0]!.message).toMatch(/OpenAPI 3\.2 schema.*descriptio/);
  });
});

describe("mockpact lint on schema examples", () => {
  it("reports an entry of a 3.1 examples array (and an example) that breaks the schema it is written on", async () => {
    const findings = await lintText(
      "examples.yaml",
      [
        "openapi: 3.1.0",
        "info: { title: t, version: '1' }",
        "paths: {}",
        "components:",
        "  schemas:",
        "    Pet:",
        "      type: object",
        "      properties:",
        "        age: { type: integer, minimum: 0, examples: [3, -1] }",
        "        name: { type: string, example: 7 }",
      ].join("\n"),
    );
    const invalid = findings.filter((f) => f.code === "EXAMPLE_INVALID");
    expect(invalid.map((f) => [f.pointer, f.message.split(" of the schema")[0]]).sort()).toEqual([
      ["#/components/schemas/Pet/properties/age", "examples[1]"],
      ["#/components/schemas/Pet/properties/name", "example"],
    ]);
  });
});
