import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startExampleProvider, type RunningProvider } from "../support/example-provider.js";
import { runCliInProcess as runCli } from "../support/in-process-cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "mockpact-states-"));
const webPact = path.resolve("fixtures/pacts/shop-web-shop-api.json");
let provider: RunningProvider | undefined;

afterEach(async () => provider?.close());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const verifyArgs = (url: string) => [
  "verify",
  "--provider-base-url",
  url,
  "--pact",
  webPact,
  "--header",
  "Authorization: Bearer consumer-token",
];

/** The events around the interaction that needs "order 1001 exists". */
function aroundOrder(events: string[]): string[] {
  const request = events.indexOf("GET /shop/orders/1001");
  return events.slice(request - 1, request + 2);
}

describe("provider states", () => {
  it("--states-url receives setup before and teardown after each interaction, with consumer and params", async () => {
    provider = await startExampleProvider();
    const run = await runCli([...verifyArgs(provider.url), "--states-url", `${provider.url}/_pact/states`]);
    expect(run.code).toBe(0);
    expect(aroundOrder(provider.events)).toEqual([
      "state setup order 1001 exists",
      "GET /shop/orders/1001",
      "state teardown order 1001 exists",
    ]);
    expect(provider.stateCalls).toContainEqual({
      consumer: "shop-web",
      state: "order 1001 exists",
      params: { id: 1001, status: "pending" },
      action: "setup",
    });
    expect(provider.stateCalls).toContainEqual({
      consumer: "shop-web",
      state: "order 1001 exists",
      params: { id: 1001, status: "pending" },
      action: "teardown",
    });
    expect(provider.stateCalls).toContainEqual({
      consumer: "shop-web",
      state: "product p-100 exists",
      params: { id: "p-100" },
      action: "setup",
    });
  });

  it("--states FILE: the module's handlers run setup before and teardown after, with params", async () => {
    provider = await startExampleProvider();
    const file = path.join(dir, "states.mjs");
    writeFileSync(
      file,
      `
      const log = (globalThis.__mockpactStateLog ??= []);
      const tell = (action) => async (params, change) => {
        log.push({ action, params, consumer: change.consumer });
        await fetch(globalThis.__mockpactProvider + "/_pact/states", { method: "POST", headers: { "content-type": "application/json" },
          body: JSON.stringify({ state: change.state, params, action }) });
      };
      export default { "order 1001 exists": { setup: tell("setup"), teardown: tell("teardown") }, "product p-100 exists": async () => {} };
    `,
    );
    const globals = globalThis as { __mockpactProvider?: string; __mockpactStateLog?: unknown[] };
    globals.__mockpactProvider = provider.url;
    const run = await runCli([...verifyArgs(provider.url), "--states", file]);
    expect(run.code).toBe(0);
    expect(globals.__mockpactStateLog).toEqual([
      { action: "setup", params: { id: 1001, status: "pending" }, consumer: "shop-web" },
      { action: "teardown", params: { id: 1001, status: "pending" }, consumer: "shop-web" },
    ]);
    expect(aroundOrder(provider.events)).toEqual([
      "state setup order 1001 exists",
      "GET /shop/orders/1001",
      "state teardown order 1001 exists",
    ]);
  });

  it("says why a states URL could not be called, naming it: connection refused", async () => {
    provider = await startExampleProvider();
    const closed = await startExampleProvider();
    await closed.close();
    const json = path.join(dir, "refused.json");
    const run = await runCli([
      ...verifyArgs(provider.url),
      "--states-url",
      `${closed.url}/_pact/states`,
      "--json",
      json,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `state: provider state "order 1001 exists" failed on setup: the states URL ${closed.url}/_pact/states could not be called: connection refused: nothing listens there (ECONNREFUSED)`,
    );
  });

  it("sends an interaction with no state to the states URL with an empty state, as Pact's core does", async () => {
    provider = await startExampleProvider();
    const run = await runCli([...verifyArgs(provider.url), "--states-url", `${provider.url}/_pact/states`]);
    expect(run.code).toBe(0);
    expect(provider.stateCalls).toContainEqual({ consumer: "shop-web", state: "", params: {}, action: "setup" });
    expect(provider.stateCalls).toContainEqual({ consumer: "shop-web", state: "", params: {}, action: "teardown" });
  });

  it("fails the interaction, not the run, when a state handler fails", async () => {
    provider = await startExampleProvider();
    const file = path.join(dir, "failing-states.mjs");
    writeFileSync(
      file,
      `export default { "order 1001 exists": async () => { throw new Error("database is down"); } };`,
    );
    const json = path.join(dir, "failing.json");
    const run = await runCli([...verifyArgs(provider.url), "--states", file, "--json", json]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('state: provider state "order 1001 exists" failed on setup: database is down');
  });
});
