import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the provider does for one request: status, header lines (a repeated header as lines of its own), body. */
interface Answer {
  status: number;
  headers?: Array<[string, string]>;
  body?: string | Buffer;
}

const JSON_TYPE: [string, string] = ["Content-Type", "application/json"];
const json = (status: number, value: unknown, more: Array<[string, string]> = []): Answer => ({
  status,
  headers: [JSON_TYPE, ...more],
  body: JSON.stringify(value),
});
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 250, 251, 252]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3, 250]);

/** The messages the provider produces, by the description Pact asks for: served at POST /messages, and handed to Pact JS's messageProviders. */
export const MESSAGES: Record<string, { body: unknown; metadata: Record<string, string> }> = {
  "an order created message": {
    body: { orderId: 5, total: 9.5 },
    metadata: { topic: "orders", contentType: "application/json" },
  },
  "a message with a wrong type": { body: { orderId: "5" }, metadata: { contentType: "application/json" } },
  "a message on another topic": {
    body: { orderId: 1 },
    metadata: { topic: "refunds", contentType: "application/json" },
  },
  "a message with a tail after its regex": { body: { sku: "9999X" }, metadata: { contentType: "application/json" } },
  "V4 a stock message": {
    body: { productId: "p-7", remaining: 2 },
    metadata: { topic: "stock", contentType: "application/json" },
  },
  "V4 a stock message with a bad product": {
    body: { productId: "p-7X", remaining: 2 },
    metadata: { contentType: "application/json" },
  },
};

/** The provider state handlers, as data both verifiers are given: values a setup returns, or why it fails. */
export const STATES: Record<string, { values?: Record<string, unknown>; fail?: string }> = {
  "user exists": { values: { id: 1000, name: "Zed" } },
  "the database is down": { fail: "database is down" },
};

function answer(req: IncomingMessage, url: URL, body: Buffer): Answer {
  const route = `${req.method} ${url.pathname}`;
  const text = body.toString("utf8");
  switch (route) {
    case "GET /users/1000":
      return json(200, { id: 1000, name: "Zed" });
    case "GET /whoami":
      return { status: req.headers["x-user-id"] === "1000" ? 200 : 400 };
    case "POST /orders":
      return { status: JSON.parse(text || "{}").userId === 1000 ? 201 : 400 };
    case "GET /code/ok":
      return { status: 200, headers: [["X-Code", "1234"]] };
    case "GET /code/tail":
      return { status: 200, headers: [["X-Code", "9999X"]] };
    case "GET /code/body":
      return json(200, { code: "9999X" });
    case "GET /items":
      return json(200, { items: [{ id: 1 }, { id: 2 }, { id: 3 }] });
    case "GET /greeting":
      return json(200, { msg: "small world" });
    case "GET /numbers":
      return json(200, { i: 4.5, d: 2.5, n: 7 });
    case "GET /dates":
      return json(200, { day: "2024-13-01" });
    case "GET /repeated":
      return {
        status: 200,
        headers: [
          ["X-Test", "1"],
          ["X-Test", "1000"],
        ],
      };
    case "GET /photo":
      return { status: 200, headers: [["Content-Type", "image/jpeg"]], body: jpeg };
    case "GET /png":
      return { status: 200, headers: [["Content-Type", "image/png"]], body: png };
    case "GET /search":
      return { status: url.search === "?tag=a&tag=b" ? 200 : 400 };
    case "POST /login":
      return { status: text === "user=ada&pin=1234" ? 204 : 400 };
    case "GET /health":
      return { status: 200 };
    case "GET /events":
      return json(200, { events: [{ type: "shipped" }, { type: "paid", amount: 99 }, { type: "created" }] });
    case "GET /scores":
      return json(200, { scores: { Bob: 2 } });
    case "GET /accepted":
      return { status: 202 };
    case "GET /broken":
      return { status: 500 };
    case "POST /dice": {
      const roll = JSON.parse(text || "{}").roll;
      return { status: Number.isInteger(roll) && roll >= 1 && roll <= 6 ? 204 : 400 };
    }
    case "POST /messages": {
      const message = MESSAGES[String(JSON.parse(text || "{}").description)];
      if (!message) return { status: 404 };
      return json(200, message.body, [
        ["Pact-Message-Metadata", Buffer.from(JSON.stringify(message.metadata)).toString("base64")],
      ]);
    }
    default:
      return { status: 404 };
  }
}

/** The side-by-side provider on 127.0.0.1 port 0: the same answers to mockpact verify and to plain Pact JS. */
export async function startSideBySideProvider(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const a = answer(req, new URL(req.url ?? "/", "http://provider"), Buffer.concat(chunks));
      res.writeHead(a.status, (a.headers ?? []).flat());
      res.end(a.body);
    });
  });
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
