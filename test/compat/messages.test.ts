import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkCompat, COMPAT_RULES, compatFindings } from "../../src/compat/index.js";
import { runCliInProcess as runCli } from "../support/in-process-cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "mockpact-compat-messages-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ASYNCAPI = "contracts/events/shop-events.yaml";

/** A V3 message pact of one message with these contents and metadata, written into the temp folder. */
function messagePact(
  name: string,
  contents: unknown,
  metaData: Record<string, unknown> = { contentType: "application/json", topic: "shop.orders" },
): string {
  const file = path.join(dir, `${name}.json`);
  const pact = {
    consumer: { name: "c" },
    provider: { name: "shop-events" },
    messages: [{ description: name, contents, metaData }],
    metadata: { pactSpecification: { version: "3.0.0" } },
  };
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

const created = { orderId: 1, status: "pending", total: 2, createdAt: "2024-04-01T10:00:00Z" };

describe("mockpact compat of message pacts against an AsyncAPI document", () => {
  it("passes the example's message pacts (V3 and V4), exit 0", async () => {
    const run = await runCli(["compat", "--pact", "fixtures/message-pacts", "--asyncapi", ASYNCAPI]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/3 interaction\(s\) in 2 pact\(s\): 3 passed, 0 failed/);
  });

  it.each<[string, unknown, Record<string, unknown> | undefined, string[]]>([
    ["fewer properties than the schema requires", { orderId: 1, status: "paid" }, undefined, []],
    ["a status outside the enum", { ...created, status: "on-hold" }, undefined, ["message.body.incompatible"]],
    ["a property the schema forbids", { ...created, coupon: "X" }, undefined, ["message.body.property.forbidden"]],
    [
      "a channel the document does not have (every message is then a candidate)",
      created,
      { topic: "shop.nothing" },
      [],
    ],
    [
      "the stock channel, whose message it is not",
      created,
      { topic: "shop.stock" },
      [
        "message.body.property.forbidden",
        "message.body.property.forbidden",
        "message.body.property.forbidden",
        "message.body.property.forbidden",
      ],
    ],
  ])("%s", async (name, contents, metadata, rules) => {
    const result = await checkCompat({
      pacts: [messagePact(name.replace(/\W+/g, "-"), contents, metadata)],
      asyncapi: [ASYNCAPI],
    });
    expect(compatFindings(result).map((f) => f.rule)).toEqual(rules);
  });

  it("names the AsyncAPI message and the line of its payload schema", async () => {
    const result = await checkCompat({
      pacts: [messagePact("enum", { ...created, status: "on-hold" })],
      asyncapi: [ASYNCAPI],
    });
    expect(result.suites[0]!.cases[0]!.findings[0]).toMatchObject({
      operationId: "OrderCreated",
      pactPointer: "/messages/0/contents/status",
      contractPlace: { file: ASYNCAPI, pointer: "#/components/schemas/OrderCreated" },
    });
  });

  it("the cases above and below cover every message rule code", () => {
    expect(Object.keys(COMPAT_RULES).filter((rule) => rule.startsWith("message."))).toEqual([
      "message.unknown",
      "message.body.incompatible",
      "message.body.property.forbidden",
    ]);
  });

  it("a --message-schema name no document has is message.unknown", async () => {
    const result = await checkCompat({
      pacts: [messagePact("named", created)],
      asyncapi: [ASYNCAPI],
      messageSchemas: ["Nope"],
    });
    expect(compatFindings(result).map((f) => [f.rule, f.message])).toEqual([
      ["message.unknown", 'no AsyncAPI message and no OpenAPI schema is named "Nope"'],
    ]);
  });
});
