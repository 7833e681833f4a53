import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import express from "express";

/**
 * The example message provider of contracts/events/shop-events.yaml: the Shop's event publisher,
 * behind the HTTP endpoint Pact's verifier asks for messages (`POST /_pact/messages` with
 * `{description, providerStates}`; the answer is the message, its metadata in the base64 JSON
 * `Pact-Message-Metadata` header), with a provider-states endpoint (`POST /_pact/states`) and
 * switches that make it break the pacts or its own AsyncAPI contract.
 *
 * Run it alone (the docs do): `npx tsx test/support/example-message-provider.ts` listens on
 * 127.0.0.1, port $PORT or 8090.
 */
export type MessageMisbehaviour =
  /** OrderCreated's `orderId` as a string: the consumer's integer matcher catches it (a Pact mismatch). */
  | "wrong-type"
  /** OrderCreated's `status` outside OrderStatus's enum: the consumer's type matcher lets it through, the contract does not. */
  | "enum-outside"
  /** StockLow carries a field the schema forbids (additionalProperties: false). */
  | "extra-property";

export interface RunningMessageProvider {
  url: string;
  /** Message requests and state changes in the order they arrived. */
  events: string[];
  close(): Promise<void>;
}

/** What the publisher sends for each event, from the state the provider is in. */
function eventsOf(
  misbehave: MessageMisbehaviour | undefined,
  orderId: number,
): Record<string, { topic: string; body: Record<string, unknown> }> {
  return {
    "an order created event": {
      topic: "shop.orders",
      body: {
        orderId: misbehave === "wrong-type" ? String(orderId) : orderId,
        status: misbehave === "enum-outside" ? "on-hold" : "pending",
        total: 19.98,
        createdAt: "2024-04-01T10:00:00Z",
      },
    },
    "an order cancelled event": { topic: "shop.orders", body: { orderId, reason: "customer request" } },
    "a stock low event": {
      topic: "shop.stock",
      body: { productId: "p-100", remaining: 3, ...(misbehave === "extra-property" ? { warehouse: "north" } : {}) },
    },
  };
}

export function exampleMessageProviderApp(misbehave?: MessageMisbehaviour, events: string[] = []): express.Express {
  let orderId = 1;
  const app = express();
  app.use(express.json());
  app.post("/_pact/states", (req, res) => {
    const { state, params, action } = req.body as { state: string; params?: { id?: unknown }; action: string };
    events.push(`state ${action} ${state}`);
    if (state === "order 1001 exists" && action === "setup") orderId = Number(params?.id ?? 1001);
    res.json({});
  });
  app.post("/_pact/messages", (req, res) => {
    const { description } = req.body as { description: string };
    events.push(`message ${description}`);
    const event = eventsOf(misbehave, orderId)[description];
    if (!event) return res.status(404).json({ error: `no event is published for "${description}"` });
    const metadata = Buffer.from(JSON.stringify({ topic: event.topic, contentType: "application/json" })).toString(
      "base64",
    );
    res.set("Pact-Message-Metadata", metadata).json(event.body);
  });
  return app;
}

/** Starts the example message provider on 127.0.0.1 (port 0 by default); resolves once it listens. */
export async function startExampleMessageProvider(
  misbehave?: MessageMisbehaviour,
  port = 0,
): Promise<RunningMessageProvider> {
  const events: string[] = [];
  const server: Server = exampleMessageProviderApp(misbehave, events).listen(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    events,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const running = await startExampleMessageProvider(
    process.env.MISBEHAVE as MessageMisbehaviour | undefined,
    Number(process.env.PORT ?? 8090),
  );
  process.stdout.write(`example message provider listening on ${running.url}\n`);
}
