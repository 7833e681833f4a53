import { afterEach, describe, expect, it } from "vitest";
import { verifyProvider } from "../../src/index.js";
import { startExampleProvider, type RunningProvider } from "../support/example-provider.js";

let provider: RunningProvider | undefined;
afterEach(async () => provider?.close());

describe("verifyProvider (programmatic)", () => {
  it("takes a map of state handlers, and without a contract runs Pact's checks only", async () => {
    provider = await startExampleProvider({ misbehave: "extra-property" });
    const calls: string[] = [];
    const result = await verifyProvider({
      providerBaseUrl: provider.url,
      pacts: ["fixtures/pacts/shop-web-shop-api.json"],
      headers: { Authorization: "Bearer consumer-token" },
      states: {
        "order 1001 exists": {
          setup: async (params, change) => {
            calls.push(`setup ${change.consumer} ${JSON.stringify(params)}`);
            await fetch(`${provider!.url}/_pact/states`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify(change),
            });
          },
          teardown: async () => void calls.push("teardown"),
        },
      },
    });
    expect(result.ok).toBe(true);
    expect(result.summary).toMatchObject({ cases: 6, passed: 6 });
    expect(calls).toEqual(['setup shop-web {"id":1001,"status":"pending"}', "teardown"]);
    // "product p-100 exists" has no handler: a warning on its case, which still passes.
    const p100 = result.suites[0]!.cases.find((c) => c.name === "a request for product p-100");
    expect(p100?.findings).toEqual([
      { source: "state", level: "warning", message: 'no handler for provider state "product p-100 exists"' },
    ]);
  });
});
