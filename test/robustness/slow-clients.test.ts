/**
 * Slow clients (slowloris) against the one server host that mock and proxy share: a client whose
 * headers or body never finish is cut at --headers-timeout / --request-timeout, on the proxy as on
 * the mock, and the server then answers the next client.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock } from "../support/mock-server.js";
import { startProxy } from "../proxy/proxy-support.js";
import { head, rawExchange } from "./support/raw-http.js";

const TIMEOUTS = { headersTimeoutMs: 500, requestTimeoutMs: 1_000 };

let upstream: Server;
let upstreamUrl: string;
beforeAll(async () => {
  upstream = createServer((_req, res) => res.end("{}"));
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

/** Each server kind with the timeouts above: its URL, and a close. */
const SERVERS: Array<[string, () => Promise<{ url: string; close(): Promise<void> }>]> = [
  ["mock", () => startMock({ contracts: ["contracts/shop.yaml"], ...TIMEOUTS })],
  ["proxy", () => startProxy({ upstream: upstreamUrl, ...TIMEOUTS })],
];

/** A request that stops half-way: in its headers, or in its body. */
const STALLS: Array<[string, string[]]> = [
  ["headers that never end", ["GET /things HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a"]],
  [
    "a body that never ends",
    [head("POST", "/things", { "Content-Type": "application/json", "Content-Length": "1000" }), '{"name":"slow'],
  ],
];

describe.each(SERVERS)("%s", (_kind, start) => {
  it.each(STALLS)("closes a connection with %s within its timeout", async (_stall, chunks) => {
    const server = await start();
    try {
      // The bound of the exchange is far above the timeout: "closed" (not "timeout") is the server's doing.
      const exchange = await rawExchange(server.url, chunks, { timeoutMs: 8_000, waitForClose: true });
      expect(exchange.ended).toBe("closed");
      if (exchange.status !== undefined) expect(exchange.status).toBe(408);
    } finally {
      await server.close();
    }
  });
});
