import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadAsyncApi } from "../../src/contract/asyncapi.js";
import { MessageSchemas } from "../../src/schema/message-schemas.js";

const dir = mkdtempSync(path.join(tmpdir(), "mockpact-asyncapi-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("AsyncAPI documents for message pacts", () => {
  it("reads 2.6 messages by channel (publish, subscribe, oneOf) with their names and payload schemas", async () => {
    const doc = await loadAsyncApi("test/contracts/asyncapi/orders-2.6.yaml");
    expect(doc.messages.map((m) => [m.name, m.channels, m.payload])).toEqual([
      ["OrderCreated", ["shop/orders"], "#/components/messages/OrderCreated/payload"],
      ["OrderCancelled", ["shop/orders"], "#/channels/shop~1orders/subscribe/message/oneOf/1/payload"],
      ["StockLow", ["shop/stock"], "#/components/schemas/Stock"],
    ]);
    const schemas = new MessageSchemas(doc.document, doc.file);
    expect(schemas.validate("#/components/schemas/Stock", { remaining: 3 })).toEqual([]);
    expect(schemas.validate("#/components/schemas/Stock", { remaining: -1 }).map((v) => [v.where, v.keyword])).toEqual([
      ["/remaining", "minimum"],
    ]);
  });

  it("reads 3.0 messages by channel id and address", async () => {
    const doc = await loadAsyncApi("contracts/events/shop-events.yaml");
    expect(doc.messages.map((m) => [m.name, m.channels])).toEqual([
      ["OrderCreated", ["orderEvents", "shop.orders"]],
      ["OrderCancelled", ["orderEvents", "shop.orders"]],
      ["StockLow", ["stockEvents", "shop.stock"]],
    ]);
  });

  it.each([
    ["no-version.yaml", "info: { title: x }\n", "Failed to load the AsyncAPI document: it has no `asyncapi` field"],
    [
      "old.yaml",
      "asyncapi: 1.2.0\n",
      "Failed to load the AsyncAPI document: asyncapi version 1.2.0 is not supported (2.x and 3.0 are)",
    ],
  ])("refuses %s with CONTRACT_INVALID naming the file", async (name, text, message) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    await expect(loadAsyncApi(file)).rejects.toMatchObject({ code: "CONTRACT_INVALID", message, place: { file } });
  });
});
