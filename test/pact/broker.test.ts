import { afterEach, describe, expect, it } from "vitest";
import { startBrokerStandIn, type BrokerStandIn } from "../support/broker-stand-in.js";
import { startExampleProvider, type RunningProvider } from "../support/example-provider.js";
import { runCliInProcess as runCli } from "../support/in-process-cli.js";

const BROKER_TOKEN = "broker-secret-token";
let provider: RunningProvider | undefined;
let broker: BrokerStandIn | undefined;

afterEach(async () => {
  await provider?.close();
  await broker?.close();
});

describe("pacts from a Pact Broker", () => {
  it("sends the selectors, verifies the broker's pacts per consumer, and publishes with provider version and branch", async () => {
    provider = await startExampleProvider({ misbehave: "enum-outside" });
    broker = await startBrokerStandIn("shop-api", [
      { file: "fixtures/pacts/shop-web-shop-api.json" },
      { file: "fixtures/pacts/shop-mobile-shop-api.json", pending: true },
    ]);
    const selectors = [{ mainBranch: true }, { deployedOrReleased: true }];
    const run = await runCli([
      "verify",
      "--provider-base-url",
      provider.url,
      "--provider",
      "shop-api",
      "--broker-url",
      broker.url,
      "--broker-token",
      BROKER_TOKEN,
      "--consumer-version-selectors",
      JSON.stringify(selectors),
      "--enable-pending",
      "--include-wip-since",
      "2024-01-01",
      "--publish",
      "--provider-version",
      "1.2.3",
      "--provider-branch",
      "main",
      "--contract",
      "contracts/shop.yaml",
      "--states-url",
      `${provider.url}/_pact/states`,
      "--header",
      "Authorization: Bearer consumer-token",
    ]);

    const forVerification = broker.requests.find((r) => r.method === "POST" && r.path.endsWith("/for-verification"));
    expect(forVerification?.body).toEqual({
      consumerVersionSelectors: selectors,
      includePendingStatus: true,
      includeWipPactsSince: "2024-01-01",
      providerVersionBranch: "main",
    });
    expect(broker.requests.every((r) => r.authorization === `Bearer ${BROKER_TOKEN}`)).toBe(true);

    const published = broker.requests.filter((r) => r.method === "POST" && r.path.endsWith("/verification-results"));
    expect(published.map((r) => r.path).sort()).toEqual([
      "/pacts/0/verification-results",
      "/pacts/1/verification-results",
    ]);
    for (const r of published) expect(r.body).toMatchObject({ providerApplicationVersion: "1.2.3", success: true });
    expect(broker.requests).toContainEqual(
      expect.objectContaining({ method: "PUT", path: "/pacticipants/shop-api/branches/main/versions/1.2.3" }),
    );

    // Grouped by consumer although Pact ran both pacts in one go; the schema check still ran on every response.
    expect(run.stdout).toMatch(
      /shop-web -> shop-api[^\n]*\n(\s+[✓✗][^\n]*\n(\s{6}[^\n]*\n)*){6}\nshop-mobile -> shop-api/,
    );
    expect(run.stdout).toMatch(
      /✗ a request for order 1001[^\n]*\n\s+schema response\.body enum: \/status must be one of/,
    );
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toContain(BROKER_TOKEN);
  });

  it("reports a pending pact's Pact failures as pending: they do not fail the run", async () => {
    provider = await startExampleProvider({ misbehave: "wrong-type" });
    broker = await startBrokerStandIn("shop-api", [
      { file: "fixtures/pacts/shop-mobile-shop-api.json", pending: true },
    ]);
    const run = await runCli([
      "verify",
      "--provider-base-url",
      provider.url,
      "--provider",
      "shop-api",
      "--broker-url",
      broker.url,
      "--enable-pending",
      "--states-url",
      `${provider.url}/_pact/states`,
      "--header",
      "Authorization: Bearer consumer-token",
    ]);
    expect(run.stdout).toMatch(/○ a request for product p-101 \(pending\)[^\n]*\n\s+pact BodyMismatch \$\.price/);
    expect(run.stdout).toMatch(/2 passed, 0 failed, 1 pending/);
    expect(run.code).toBe(0);
  });

  it("fails a pending interaction that breaks the provider's own contract: pending forgives Pact's verdict only", async () => {
    provider = await startExampleProvider({ misbehave: "wrong-type" });
    broker = await startBrokerStandIn("shop-api", [
      { file: "fixtures/pacts/shop-mobile-shop-api.json", pending: true },
    ]);
    const run = await runCli([
      "verify",
      "--provider-base-url",
      provider.url,
      "--provider",
      "shop-api",
      "--broker-url",
      broker.url,
      "--enable-pending",
      "--contract",
      "contracts/shop.yaml",
      "--states-url",
      `${provider.url}/_pact/states`,
      "--header",
      "Authorization: Bearer consumer-token",
    ]);
    expect(run.stdout).toMatch(
      /✗ a request for product p-101[^\n]*\n\s+pact BodyMismatch \$\.price[^\n]*\n\s+schema response\.body type: \/price must be number/,
    );
    expect(run.stdout).toMatch(/2 passed, 1 failed/);
    expect(run.code).toBe(1);
  });

  it("exits 2 with BROKER_ERROR, naming the broker and why, when the broker cannot be reached", async () => {
    provider = await startExampleProvider();
    broker = await startBrokerStandIn("shop-api", []);
    const gone = broker.url;
    await broker.close();
    broker = undefined;
    const run = await runCli([
      "verify",
      "--provider-base-url",
      provider.url,
      "--provider",
      "shop-api",
      "--broker-url",
      gone,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`BROKER_ERROR ${gone}: Failed to read the Pact Broker ${gone}: connection refused`);
  });

  it("verifies a pact given by URL (--pact URL), read with the broker token", async () => {
    provider = await startExampleProvider();
    broker = await startBrokerStandIn("shop-api", [{ file: "fixtures/pacts/shop-legacy-shop-api.json" }]);
    const run = await runCli([
      "verify",
      "--provider-base-url",
      provider.url,
      "--pact",
      `${broker.url}/pacts/0`,
      "--broker-token",
      BROKER_TOKEN,
      "--contract",
      "contracts/shop.yaml",
      "--states-url",
      `${provider.url}/_pact/states`,
    ]);
    expect(run.stdout).toContain(
      `shop-legacy -> shop-api (consumer shop-legacy, provider shop-api, pact spec 2.0.0, ${broker.url}/pacts/0)`,
    );
    expect(run.code).toBe(0);
    expect(broker.requests.filter((r) => r.path === "/pacts/0").map((r) => r.authorization)).toEqual([
      `Bearer ${BROKER_TOKEN}`,
      `Bearer ${BROKER_TOKEN}`,
    ]);
  });
});
