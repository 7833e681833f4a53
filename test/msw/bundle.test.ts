import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { setupServer } from "msw/node";
import { describe, expect, it } from "vitest";
import { handlersFor } from "../../src/msw/node.js";
import { removeTempDirsAfterEach, tempDir } from "../fixtures/support.js";
import { runCli } from "../support/cli.js";

removeTempDirsAfterEach();

/**
 * A date-time example written as a bare YAML timestamp is a Date to the YAML parser: it fails
 * `type: string`, so `mockpact mock` serves a fake. JSON would turn it into a string that passes;
 * the bundle keeps it aside so that the bundle's handlers serve the fake too.
 */
const DATED = `openapi: 3.0.3
info: { title: Dated, version: "1" }
servers: [{ url: "http://dated.test" }]
paths:
  /events/{id}:
    get:
      operationId: getEvent
      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
      responses:
        "200":
          description: An event.
          content:
            application/json:
              schema: { type: object, required: [at], properties: { at: { type: string, format: date-time } } }
              example: { at: 2024-01-31T10:00:00Z }
`;

/** The body each handler set answers for one request, through msw/node. */
async function bodiesOf(url: string, ...sets: Array<ReturnType<typeof handlersFor>>): Promise<string[]> {
  const bodies: string[] = [];
  for (const handlers of sets) {
    await handlers.ready;
    const server = setupServer(...handlers);
    server.listen({ onUnhandledRequest: "error" });
    try {
      bodies.push(await (await fetch(url)).text());
    } finally {
      server.close();
    }
  }
  return bodies;
}

describe("mockpact bundle", () => {
  it("writes the contracts, the mocks folder beside them and the fixtures into one JSON file, and says what it wrote", async () => {
    const dir = await tempDir();
    const fixtures = path.join(dir, "fixtures");
    expect((await runCli(["fixtures", "contracts/shop.yaml", "--out", fixtures])).code).toBe(0);
    const out = path.join(dir, "public", "mockpact.json");
    const run = await runCli(["bundle", "contracts", "--out", out, "--fixtures", fixtures]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^wrote .*mockpact\.json: 3 contract\(s\), 1 mocks file\(s\), \d+ fixture\(s\), [\d,]+ bytes\n$/,
    );
    const bundle = JSON.parse(await readFile(out, "utf8"));
    expect(bundle.contracts.map((c: { id: string; file: string }) => [c.id, c.file])).toEqual([
      ["catalog-faker.yaml", "contracts/catalog-faker.yaml"],
      ["legacy-inventory.json", "contracts/legacy-inventory.json"],
      ["shop.yaml", "contracts/shop.yaml"],
    ]);
    expect(bundle.mocks.map((m: { file: string }) => m.file)).toEqual(["mocks/shop.yaml"]);
    expect(JSON.stringify(bundle)).not.toContain(process.cwd()); // no machine path
    // The fixtures seed the store of the bundle's handlers, as --fixtures seeds mockpact mock's.
    const stateful = handlersFor(bundle, { stateful: true });
    const [products] = await bodiesOf("http://127.0.0.1:4010/shop/products", stateful);
    expect(JSON.parse(products!).items.length).toBeGreaterThan(0);
  });

  it("keeps YAML dates as dates: the bundle's handlers serve what the file's serve", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "dated.yaml"), DATED);
    const out = path.join(dir, "dated.json");
    expect((await runCli(["bundle", path.join(dir, "dated.yaml"), "--out", out])).code).toBe(0);
    const bundle = JSON.parse(await readFile(out, "utf8"));
    expect(bundle.contracts[0].specialValues).toEqual([
      [
        "#/paths/~1events~1{id}/get/responses/200/content/application~1json/example/at",
        "date",
        "2024-01-31T10:00:00.000Z",
      ],
    ]);
    const [fromFile, fromBundle] = await bodiesOf(
      "http://dated.test/events/1",
      handlersFor(path.join(dir, "dated.yaml")),
      handlersFor(bundle),
    );
    expect(fromBundle).toBe(fromFile);
    expect(JSON.parse(fromFile!).at).not.toBe("2024-01-31T10:00:00.000Z"); // a fake: the Date example fails its schema
  });

  it.each([
    ["a contract that does not parse", ["test/contracts/bad/broken.yaml"], /CONTRACT_PARSE .*broken\.yaml/],
    [
      "a mocks entry for an unknown operation",
      ["contracts/shop.yaml", "--mocks", "MOCKS"],
      /MOCKS_OPERATION_UNKNOWN .*bad-mocks\.yaml:1/,
    ],
    ["no --out", ["contracts"], /required option '-o, --out <file>' not specified/],
  ])(
    "refuses %s with exit 2, naming the place, and leaves an existing bundle as it was",
    async (_what, args, message) => {
      const dir = await tempDir();
      const mocks = path.join(dir, "bad-mocks.yaml");
      await writeFile(mocks, "- operation: getProdct\n");
      const out = path.join(dir, "mockpact.json");
      await writeFile(out, "previous");
      const run = await runCli([
        "bundle",
        ...args.map((a) => (a === "MOCKS" ? mocks : a)),
        ...(args.includes("contracts") && args.length === 1 ? [] : ["--out", out]),
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(await readFile(out, "utf8")).toBe("previous");
    },
  );

  it("says BUNDLE_WRITE, naming the file, when the file cannot be written", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "taken.json"));
    const run = await runCli(["bundle", "contracts/shop.yaml", "--out", path.join(dir, "taken.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/BUNDLE_WRITE .*taken\.json/);
  });
});
