/**
 * The line `mockpact proxy` prints per exchange ends up in CI logs and chat: no credential may be in
 * it, whether in the query (by pattern, `api_key`, or as the contract's own apiKey name, `sig` of
 * test/contracts/badges.yaml) or inside the error text of an upstream that could not be reached.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatExchange } from "../../src/cli/proxy-print.js";
import { deadUrl } from "./upstream.js";
import { startProxy, type StartedProxy } from "./proxy-support.js";

const SECRETS = ["sig-secret-1", "query-secret-2"];

let proxy: StartedProxy;
beforeAll(async () => {
  proxy = await startProxy({
    contracts: ["test/contracts/badges.yaml"],
    mocks: [],
    upstream: await deadUrl(),
    fallback: "never",
  });
});
afterAll(() => proxy.close());

describe("the console line of a proxied exchange", () => {
  it("shows neither the contract's apiKey query value nor a credential-like one, also in the upstream's error", async () => {
    const response = await fetch(`${proxy.url}/badges?sig=${SECRETS[0]}&api_key=${SECRETS[1]}&page=2`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(502);
    const exchange = await proxy.exchange(1);
    expect(exchange.error).toMatch(/ECONNREFUSED/);
    const line = formatExchange(exchange, proxy.server.loaded.engine?.secretNames);
    for (const secret of SECRETS) expect(line).not.toContain(secret);
    expect(line).toContain("/badges?sig=[redacted]&api_key=[redacted]&page=2 502");
  });
});
