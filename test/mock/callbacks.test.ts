/**
 * OpenAPI callbacks and webhooks: the mock calls a real loopback receiver after its answer, records
 * each call in the journal (URL, status, the target's answer checked against the callback's
 * documented responses), and never calls a host the user did not give.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { MockOptions } from "../../src/mock/options.js";
import { call, startMock, type RunningMock } from "../support/mock-server.js";
import { until } from "../support/mocks.js";

const PAYMENTS = "test/contracts/callbacks/payments.yaml";
const ORDERS = "test/contracts/callbacks/orders-3.0.yaml";

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** A loopback receiver: records what arrives; `answers` says what a path answers (default 204), `hold` paths never answer. */
async function startReceiver(
  answers: Record<string, { status: number; body?: unknown }> = {},
  hold: string[] = [],
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const held: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const path = req.url!.split("?")[0]!;
      if (hold.includes(path)) return void held.push(res);
      const answer = answers[path] ?? { status: 204 };
      if (answer.body === undefined) return void res.writeHead(answer.status).end();
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    close: () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});

async function mockOf(contract: string, options: MockOptions = {}): Promise<RunningMock> {
  const mock = await startMock({ contracts: [contract], mocks: [], ...options });
  open.push(mock);
  return mock;
}

async function receiver(...args: Parameters<typeof startReceiver>) {
  const started = await startReceiver(...args);
  open.unshift(started); // closed after the mocks, which may still be calling it
  return started;
}

function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return call(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

/** The journal's outgoing entries, oldest first. */
async function outgoing(mock: RunningMock): Promise<any[]> {
  const { json } = await call(`${mock.url}/__mockpact/requests`);
  return (json.requests as any[]).filter((r) => r.outgoing).reverse();
}

async function outgoingOnce(mock: RunningMock, count: number): Promise<any[]> {
  await until(async () => (await outgoing(mock)).length >= count);
  return outgoing(mock);
}

describe("callbacks after an answer", () => {
  it("calls the URL of {$request.body#/callbackUrl} with the callback's example, and journals the call", async () => {
    const hooks = await receiver();
    const mock = await mockOf(PAYMENTS);
    const answer = await post(`${mock.url}/api/payments`, { amount: 5, callbackUrl: `${hooks.url}/hooks/paid` });
    expect(answer.status).toBe(201);
    const entry = (await outgoingOnce(mock, 2)).find((e) => e.outgoing.name === "onPaid");
    expect(hooks.received).toHaveLength(1);
    expect(hooks.received[0]).toMatchObject({
      method: "POST",
      url: "/hooks/paid",
      headers: { "content-type": "application/json" },
    });
    expect(JSON.parse(hooks.received[0]!.body)).toEqual({ paymentId: "pay-42", event: "paid" });
    const trigger = (await call(`${mock.url}/__mockpact/requests`)).json.requests.find((r: any) => !r.outgoing).seq;
    expect(entry).toMatchObject({
      method: "POST",
      url: `${hooks.url}/hooks/paid`,
      status: 204,
      findings: [],
      outgoing: { kind: "callback", name: "onPaid", trigger },
    });
    expect(entry.operation).toMatchObject({ operationId: "createPayment.onPaid.post" });
  });

  it("resolves header, response body and query expressions, encoding a value inside the URL", async () => {
    const audit = await receiver({ "/audit/pay-42": { status: 200, body: { ok: true } } });
    const mock = await mockOf(PAYMENTS);
    await post(`${mock.url}/api/payments`, { amount: 7 }, { "x-audit-port": new URL(audit.url).port });
    const entries = await outgoingOnce(mock, 2);
    const audited = entries.find((e) => e.outgoing.name === "onAudit");
    expect(audited).toMatchObject({
      method: "PUT",
      url: `${audit.url}/audit/pay-42?amount=7`,
      status: 200,
      findings: [],
    });
    const faked = JSON.parse(audit.received[0]!.body);
    expect(faked, "a fake of the schema where the callback has no example").toMatchObject({
      paymentId: expect.any(String),
      event: expect.stringMatching(/^(paid|refunded)$/),
    });
    const paid = entries.find((e) => e.outgoing.name === "onPaid");
    expect(paid.error, "no callbackUrl in the request: the expression has no value").toMatch(
      /refused: the runtime expression \{\$request\.body#\/callbackUrl\} has no value/,
    );
  });

  it("reads path and query parameters ($ref'd callback object)", async () => {
    const hooks = await receiver({ "/n/read/s-9": { status: 404 } });
    const mock = await mockOf(PAYMENTS);
    expect(
      (await call(`${mock.url}/api/subscriptions/s-9?notify=${encodeURIComponent(`${hooks.url}/n`)}`)).status,
    ).toBe(200);
    const [entry] = await outgoingOnce(mock, 1);
    expect(entry).toMatchObject({
      method: "POST",
      url: `${hooks.url}/n/read/s-9`,
      status: 404,
      outgoing: { name: "onRead" },
    });
    expect(entry.findings, "the receiver's 404 is not a documented answer of the callback").toEqual([
      expect.objectContaining({ in: "response.status", keyword: "status" }),
    ]);
  });

  it("checks the target's answer against the callback's documented responses", async () => {
    const audit = await receiver({ "/audit/pay-42": { status: 200, body: { ok: "yes" } } });
    const mock = await mockOf(PAYMENTS);
    await post(
      `${mock.url}/api/payments`,
      { amount: 1, callbackUrl: `${audit.url}/paid` },
      { "x-audit-port": new URL(audit.url).port },
    );
    const audited = (await outgoingOnce(mock, 2)).find((e) => e.outgoing.name === "onAudit");
    expect(audited.findings).toEqual([expect.objectContaining({ in: "response.body", where: "/ok" })]);
  });

  it("works for OpenAPI 3.0 callbacks under components", async () => {
    const hooks = await receiver({ "/ready": { status: 200 } });
    const mock = await mockOf(ORDERS);
    await post(`${mock.url}/orders`, { notifyUrl: `${hooks.url}/ready` });
    const [entry] = await outgoingOnce(mock, 1);
    expect(entry).toMatchObject({ url: `${hooks.url}/ready?order=7`, status: 200, findings: [] });
    expect(JSON.parse(hooks.received[0]!.body)).toMatchObject({ orderId: expect.any(Number) });
  });

  it("fires nothing for a request the mock refused, nor with --no-callbacks", async () => {
    const hooks = await receiver();
    const refusing = await mockOf(PAYMENTS);
    expect((await post(`${refusing.url}/api/payments`, { amount: 0, callbackUrl: `${hooks.url}/x` })).status).toBe(422);
    const off = await mockOf(PAYMENTS, { callbacks: false });
    expect((await post(`${off.url}/api/payments`, { amount: 3, callbackUrl: `${hooks.url}/x` })).status).toBe(201);
    // A third mock that does fire shows the receiver is reachable: once it has its call, the others had their chance.
    const firing = await mockOf(PAYMENTS);
    await post(`${firing.url}/api/payments`, { amount: 3, callbackUrl: `${hooks.url}/fired` });
    await outgoingOnce(firing, 1);
    expect(hooks.received.map((r) => r.url)).toEqual(["/fired"]);
    expect(await outgoing(refusing)).toEqual([]);
    expect(await outgoing(off)).toEqual([]);
  });
});

describe("where callbacks may go", () => {
  it("refuses a host that is not loopback and not allowed, with the reason in the journal, and still answers", async () => {
    const mock = await mockOf(PAYMENTS);
    const answer = await post(`${mock.url}/api/payments`, {
      amount: 2,
      callbackUrl: "http://payments.example.com/hook",
    });
    expect(answer.status).toBe(201);
    const [entry] = await outgoingOnce(mock, 1);
    expect(entry).toMatchObject({
      url: "http://payments.example.com/hook",
      status: 0,
      error: "refused: payments.example.com is not loopback and not in --allow-callbacks-to",
    });
  });

  it("never delays the answer or the close for a target that does not answer, nor for --callback-delay", async () => {
    const slow = await receiver({}, ["/slow"]);
    const mock = await startMock({ contracts: [PAYMENTS], mocks: [] });
    expect((await post(`${mock.url}/api/payments`, { amount: 2, callbackUrl: `${slow.url}/slow` })).status).toBe(201);
    await until(() => slow.received.length === 1);
    const delayed = await startMock({ contracts: [PAYMENTS], mocks: [], callbackDelayMs: 3_600_000 });
    expect((await post(`${delayed.url}/api/payments`, { amount: 2, callbackUrl: `${slow.url}/later` })).status).toBe(
      201,
    );
    // Both close while a call is held by the target or waits for its delay: close() resolves all the same.
    await Promise.all([mock.close(), delayed.close()]);
    expect(slow.received.map((r) => r.url)).toEqual(["/slow"]);
  });
});

describe("webhooks through the admin API", () => {
  it("fires a webhook at the URL given, with a schema-valid fake body, and answers with the call", async () => {
    const hooks = await receiver({ "/shipped": { status: 200 } });
    const mock = await mockOf(PAYMENTS);
    expect((await call(`${mock.url}/__mockpact/webhooks`)).json).toEqual([
      { contract: "payments.yaml", name: "orderShipped", method: "POST", operationId: "webhook.orderShipped.post" },
    ]);
    const fired = await post(`${mock.url}/__mockpact/webhooks/orderShipped`, { url: `${hooks.url}/shipped` });
    expect(fired.status).toBe(200);
    expect(fired.json.calls).toEqual([
      expect.objectContaining({ method: "POST", url: `${hooks.url}/shipped`, status: 200, findings: [] }),
    ]);
    expect(JSON.parse(hooks.received[0]!.body)).toMatchObject({
      orderId: expect.stringMatching(/^o-\d{3}$/),
      carrier: expect.stringMatching(/^(dhl|ups)$/),
    });
    expect(await outgoing(mock)).toEqual([
      expect.objectContaining({ outgoing: { kind: "webhook", name: "orderShipped" }, status: 200 }),
    ]);
  });

  it("sends the body given instead of a built one", async () => {
    const hooks = await receiver({ "/shipped": { status: 200 } });
    const mock = await mockOf(PAYMENTS);
    await post(`${mock.url}/__mockpact/webhooks/orderShipped`, {
      url: `${hooks.url}/shipped`,
      body: { orderId: "o-001", carrier: "ups" },
    });
    expect(JSON.parse(hooks.received[0]!.body)).toEqual({ orderId: "o-001", carrier: "ups" });
  });

  const refusals: Array<[string, string, unknown, number, RegExp]> = [
    ["an unknown webhook", "nope", { url: "http://127.0.0.1:9/x" }, 404, /no loaded contract has a webhook "nope"/i],
    ["no URL", "orderShipped", {}, 400, /"url"/],
    [
      "a URL that is not loopback",
      "orderShipped",
      { url: "https://hooks.example.net/x" },
      200,
      /refused: hooks\.example\.net is not loopback/,
    ],
    [
      "a URL that is not http",
      "orderShipped",
      { url: "file:///etc/passwd" },
      200,
      /refused: file: URLs are not called/,
    ],
  ];
  it.each(refusals)("answers %s with %#", async (_name, webhook, body, status, message) => {
    const mock = await mockOf(PAYMENTS);
    const answer = await post(`${mock.url}/__mockpact/webhooks/${webhook}`, body);
    expect(answer.status).toBe(status);
    expect(answer.json.detail ?? answer.json.calls[0].error).toMatch(message);
  });
});
