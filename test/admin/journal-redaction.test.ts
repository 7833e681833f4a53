/**
 * What `GET /__mockpact/requests` shows of a request with credentials in it, for the mock and for the
 * proxy (both serve the same admin API over their own journal). A credential is redacted when its
 * name looks like one (`api_key`, `password`, `refreshToken`) and when the contract names it as an
 * apiKey (`X-Inventory-Key` of contracts/legacy-inventory.json, `sig` of test/contracts/badges.yaml),
 * which no pattern can guess.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_KEPT_BODY } from "../../src/mock/journal-bounds.js";
import { createProxyServer, type ProxyServer } from "../../src/proxy/server.js";
import { startMock, type RunningMock } from "../support/mock-server.js";

const SECRETS = {
  inventoryKey: "inv-key-secret-1",
  apiKeyQuery: "query-secret-2",
  sigQuery: "sig-secret-3",
  password: "pw-secret-4",
  refreshToken: "rt-secret-5",
  nested: "nested-secret-6",
  cutShort: "cut-secret-7",
};

/** X-Inventory-Key is the legacy contract's apiKey header; `sig` the badges contract's apiKey query. */
const contracts = ["contracts/legacy-inventory.json", "test/contracts/badges.yaml"];

interface Journal {
  requests: Array<{ url: string; headers: Record<string, string>; body?: string }>;
}

/** The same three requests to mock or proxy: an apiKey header, secrets in the query, secrets in a JSON body. */
async function sendWithCredentials(base: string): Promise<void> {
  const put = await fetch(`${base}/legacy/v1/warehouses/1/stock/BOL-00042`, {
    method: "PUT",
    headers: { "content-type": "application/json", "x-inventory-key": SECRETS.inventoryKey },
    body: JSON.stringify({ description: "Hex bolt", quantity: 5, unit: "piece" }),
  });
  await put.arrayBuffer();
  const body = {
    holder: { name: "ada", apiKey: SECRETS.nested },
    password: SECRETS.password,
    refreshToken: SECRETS.refreshToken,
  };
  const post = await fetch(`${base}/badges?sig=${SECRETS.sigQuery}&api_key=${SECRETS.apiKeyQuery}&page=2`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  await post.arrayBuffer();
  // The journal keeps the first bytes of a body: a secret cut in two by that bound is still a secret.
  const note = "x".repeat(MAX_KEPT_BODY - '{"note":"","password":"'.length - 4);
  const long = await fetch(`${base}/badges?sig=s`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ note, password: SECRETS.cutShort }),
  });
  await long.arrayBuffer();
}

async function journalOf(base: string): Promise<Journal & { text: string }> {
  const text = await (await fetch(`${base}/__mockpact/requests`)).text();
  return { ...(JSON.parse(text) as Journal), text };
}

function expectRedacted(journal: Journal & { text: string }): void {
  for (const [name, secret] of Object.entries(SECRETS))
    expect(journal.text, `${name} shown in clear`).not.toContain(secret);
  const [cut, badge, stock] = journal.requests;
  expect(stock!.headers["x-inventory-key"]).toBe("[redacted]");
  expect(badge!.url).toBe("/badges?sig=[redacted]&api_key=[redacted]&page=2");
  expect(JSON.parse(badge!.body!)).toEqual({
    holder: { name: "ada", apiKey: "[redacted]" },
    password: "[redacted]",
    refreshToken: "[redacted]",
  });
  expect(cut!.body).toMatch(/"password":"\[redacted\]"$/);
}

describe("the mock's journal", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ contracts, mocks: [] });
  });
  afterAll(() => mock.close());

  it("redacts the contract's apiKey names, credential-like query values and JSON body fields", async () => {
    await sendWithCredentials(mock.url);
    expectRedacted(await journalOf(mock.url));
  });
});

describe("the proxy's journal", () => {
  let upstream: http.Server;
  const received: string[] = [];
  let proxy: ProxyServer;
  beforeAll(async () => {
    // Answers 201 to anything, and keeps what it got: the proxy forwards credentials unchanged.
    upstream = http.createServer((req, res) => {
      req.on("data", (chunk: Buffer) => received.push(chunk.toString()));
      req.on("end", () => {
        received.push(`${req.url} ${req.headers["x-inventory-key"] ?? ""}`);
        res.writeHead(201, { "content-type": "application/json" }).end('{"id":1}');
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    proxy = await createProxyServer({
      contracts,
      mocks: [],
      port: 0,
      upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      fallback: "never",
    });
    await proxy.listen();
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it("redacts the same, while the upstream gets every credential as sent", async () => {
    await sendWithCredentials(proxy.url);
    const seen = received.join("\n");
    for (const secret of Object.values(SECRETS)) expect(seen).toContain(secret);
    expectRedacted(await journalOf(proxy.url));
  });
});
