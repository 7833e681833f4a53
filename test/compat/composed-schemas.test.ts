import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkCompat, compatFindings } from "../../src/compat/index.js";
import { runCliInProcess } from "../support/in-process-cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "mockpact-composed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A collection answer composed as API style guides write them (a generic wrapper, then parts that
 * narrow `data` and `links`), and a pet that is one of two kinds told apart by `kind`.
 */
const CONTRACT = `openapi: 3.1.0
info: { title: composed, version: "1" }
paths:
  /bookings:
    get:
      operationId: getBookings
      responses:
        "200":
          description: the bookings
          content:
            application/json:
              schema:
                allOf:
                  - $ref: "#/components/schemas/WrapperCollection"
                  - properties:
                      data: { type: array, items: { $ref: "#/components/schemas/Booking" } }
                  - properties:
                      links:
                        allOf: [{ $ref: "#/components/schemas/LinksSelf" }, { $ref: "#/components/schemas/LinksPagination" }]
  /pets/{id}:
    get:
      operationId: getPet
      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
      responses:
        "200":
          description: a pet
          content:
            application/json:
              schema:
                oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }]
components:
  schemas:
    WrapperCollection:
      type: object
      required: [data, links]
      properties:
        data: { type: array, items: { type: object } }
        links: { type: object }
    Booking:
      type: object
      required: [booking_id, passenger_name, has_dog]
      properties: { booking_id: { type: string }, passenger_name: { type: string }, has_dog: { type: boolean } }
    LinksSelf: { type: object, required: [self], properties: { self: { type: string } } }
    LinksPagination: { type: object, required: [next], properties: { next: { type: string }, prev: { type: string } } }
    Cat:
      type: object
      required: [kind]
      properties: { kind: { const: cat }, meows: { type: boolean } }
    Dog:
      type: object
      required: [kind]
      properties: { kind: { const: dog }, barks: { type: boolean } }
`;

const BOOKINGS = {
  data: [{ booking_id: "b-1", passenger_name: "John Doe", has_dog: true }],
  links: { self: "https://api.example.com/bookings", next: "https://api.example.com/bookings?page=2" },
};

const cases: Array<[string, string, unknown, string[]]> = [
  ["properties declared in the second and third allOf parts are declared", "/bookings", BOOKINGS, []],
  [
    "a property no allOf part declares is still undeclared",
    "/bookings",
    { ...BOOKINGS, data: [{ booking_id: "b-1", seat: "12A" }] },
    ["undeclared /data/0/seat"],
  ],
  ["a property of the oneOf branch the body matches is declared", "/pets/1", { kind: "dog", barks: true }, []],
  [
    "a property of another oneOf branch than the one the body matches is undeclared",
    "/pets/1",
    { kind: "cat", barks: true },
    ["undeclared /barks"],
  ],
];

function write(requestPath: string, body: unknown): { contract: string; pact: string } {
  const contract = path.join(dir, "composed.yaml");
  const pact = path.join(dir, `pact-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(contract, CONTRACT);
  const interaction = {
    description: `GET ${requestPath}`,
    request: { method: "GET", path: requestPath },
    response: { status: 200, headers: { "Content-Type": "application/json" }, body },
  };
  const document = {
    consumer: { name: "web" },
    provider: { name: "api" },
    interactions: [interaction],
    metadata: { pactSpecification: { version: "3.0.0" } },
  };
  writeFileSync(pact, JSON.stringify(document));
  return { contract, pact };
}

async function findingsOf(requestPath: string, body: unknown): Promise<string[]> {
  const { contract, pact } = write(requestPath, body);
  const result = await checkCompat({ pacts: [pact], contracts: [contract], failOn: "warning" });
  return compatFindings(result).map(
    (f) => `${f.rule.replace("response.body.property.", "")} ${/^(\S+):/.exec(f.message)?.[1] ?? f.message}`,
  );
}

describe("compat: what composed response schemas declare", () => {
  it.each(cases)("%s", async (_name, requestPath, body, expected) => {
    const found = (await findingsOf(requestPath, body)).filter((f) => f.startsWith("undeclared"));
    expect(found).toEqual(expected);
  });
});

describe("compat --fail-on warning of a pact that relies only on what allOf parts declare", () => {
  it("passes: exit 0", async () => {
    const { contract, pact } = write("/bookings", BOOKINGS);
    const run = await runCliInProcess(["compat", "--pact", pact, "--contract", contract, "--fail-on", "warning"]);
    expect(run.stdout).not.toContain("undeclared");
    expect(run.code).toBe(0);
  });
});
