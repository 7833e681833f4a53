import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  startExampleMessageProvider,
  type MessageMisbehaviour,
  type RunningMessageProvider,
} from "../support/example-message-provider.js";
import { runCliInProcess as runCli } from "../support/in-process-cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "mockpact-messages-"));
const ASYNCAPI = "contracts/events/shop-events.yaml";
let provider: RunningMessageProvider | undefined;

afterEach(async () => provider?.close());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function verify(misbehave: MessageMisbehaviour | undefined, extra: string[] = ["--asyncapi", ASYNCAPI]) {
  provider = await startExampleMessageProvider(misbehave);
  const json = path.join(dir, `${misbehave ?? "clean"}-${extra.length}.json`);
  const run = await runCli([
    "verify",
    "--provider-base-url",
    provider.url,
    "--message-path",
    "/_pact/messages",
    "--pact",
    "fixtures/message-pacts",
    "--states-url",
    `${provider.url}/_pact/states`,
    ...extra,
    "--json",
    json,
  ]);
  return { ...run, json: JSON.parse(readFileSync(json, "utf8")) as any };
}

const failing = (result: any) =>
  result.suites.flatMap((s: any) =>
    s.cases.filter((c: any) => c.status === "failed").map((c: any) => ({ name: c.name, findings: c.findings })),
  );

describe("mockpact verify of message pacts (V3 messages, V4 asynchronous messages)", () => {
  it("asks the provider for each message with its states, and passes a provider that keeps both the pacts and its AsyncAPI contract", async () => {
    const run = await verify(undefined);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.json.summary).toMatchObject({ suites: 2, cases: 3, passed: 3, failed: 0 });
    expect(provider!.events).toContain("message an order created event");
    expect(provider!.events.indexOf("state setup order 1001 exists")).toBeLessThan(
      provider!.events.indexOf("message an order created event"),
    );
  });

  it("reports Pact's mismatch for a message of the wrong type", async () => {
    const run = await verify("wrong-type");
    expect(run.code).toBe(1);
    expect(failing(run.json)).toEqual([
      {
        name: "an order created event",
        findings: [
          expect.objectContaining({ source: "pact", type: "BodyMismatch", path: "$.orderId" }),
          expect.objectContaining({
            source: "schema",
            in: "message.body",
            type: "type",
            path: "/orderId",
            operationId: "OrderCreated",
          }),
        ],
      },
    ]);
  });

  it.each<[MessageMisbehaviour, string, Record<string, unknown>]>([
    [
      "enum-outside",
      "an order created event",
      { in: "message.body", type: "enum", path: "/status", operationId: "OrderCreated" },
    ],
    [
      "extra-property",
      "a stock low event",
      { in: "message.body", type: "additionalProperties", operationId: "StockLow" },
    ],
  ])(
    "fails on %s although the pact passes: the message breaks its AsyncAPI payload schema",
    async (misbehave, name, finding) => {
      const run = await verify(misbehave);
      expect(run.code).toBe(1);
      const [only, ...rest] = failing(run.json);
      expect(rest).toEqual([]);
      expect(only.name).toBe(name);
      expect(only.findings).toEqual([expect.objectContaining({ source: "schema", ...finding })]);
    },
  );

  it("checks every message against a named schema of an OpenAPI contract (--message-schema)", async () => {
    const run = await verify("enum-outside", [
      "--contract",
      "contracts/shop.yaml",
      "--message-schema",
      "an order created event=Order",
    ]);
    const [only, ...rest] = failing(run.json);
    expect(rest).toEqual([]);
    expect(only.findings).toContainEqual(
      expect.objectContaining({
        source: "schema",
        in: "message.body",
        type: "enum",
        path: "/status",
        operationId: "Order",
      }),
    );
  });

  it("without a message contract, only Pact's verdict counts", async () => {
    const run = await verify("enum-outside", []);
    expect(run.code).toBe(0);
  });
});
