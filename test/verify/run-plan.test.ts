/** How a verification is cut into runs of Pact's verifier, and when Pact's core may do without the system's CA certificates. */
import { describe, expect, it } from "vitest";
import type { PactFile } from "../../src/pact/pact-file.js";
import { coreEnvironment, coreTrust } from "../../src/verify/core-trust.js";
import { resolveVerifyOptions, type VerifyOptions } from "../../src/verify/options.js";
import { planRuns } from "../../src/verify/run-plan.js";

function pact(source: string, count: number, stateAt: number[] = [], metadata: Record<string, unknown> = {}): PactFile {
  const interactions = Array.from({ length: count }, (_, i) => ({
    description: `i${i}`,
    states: stateAt.includes(i) ? [{ name: "s", params: {} }] : [],
  }));
  return {
    source,
    consumer: "web",
    provider: "api",
    specVersion: "3.0.0",
    interactions,
    document: { interactions: [], metadata },
  };
}

const options = (more: Partial<VerifyOptions> = {}) =>
  resolveVerifyOptions({ providerBaseUrl: "http://127.0.0.1:1", pacts: ["x"], ...more });
const shape = (runs: ReturnType<typeof planRuns>) =>
  runs.map((r) => `${r.pact ?? "broker"}:${r.shard ? `${r.shard.from}-${r.shard.to}` : "all"}`);

describe("planRuns", () => {
  it.each([
    ["one worker: a run per pact", 1, [pact("a", 9, [4]), pact("b", 3)], {}, ["0:all", "1:all"]],
    [
      "three workers: the large pact in consecutive shards, the small one whole",
      3,
      [pact("a", 9, [4]), pact("b", 3)],
      {},
      ["0:0-3", "0:3-6", "0:6-9", "1:all"],
    ],
    ["two workers, one pact: two halves", 2, [pact("a", 4)], {}, ["0:0-2", "0:2-4"]],
    ["publishing keeps pacts whole", 3, [pact("a", 9)], { publish: true, providerVersion: "1" }, ["0:all"]],
    ["an empty pact gives no run", 2, [pact("a", 0), pact("b", 2)], {}, ["1:0-1", "1:1-2"]],
    ["no more shards than interactions", 8, [pact("a", 2)], {}, ["0:0-1", "0:1-2"]],
  ])("%s", (_, workers, pacts, more, expected) => {
    expect(shape(planRuns(pacts, options(more), workers))).toEqual(expected);
  });

  it("adds the broker's pacts as one run", () => {
    const runs = planRuns([], options({ pacts: [], brokerUrl: "http://127.0.0.1:3", provider: "api" }), 4);
    expect(shape(runs)).toEqual(["broker:all"]);
  });
});

describe("coreTrust", () => {
  it.each([
    ["local pact files", [pact("/tmp/a.json", 1)], {}, "none"],
    ["a pact URL (the core fetches it, maybe over TLS)", [pact("https://broker.example/pacts/1", 1)], {}, "system"],
    ["a broker", [], { pacts: [], brokerUrl: "https://broker.example", provider: "api" }, "system"],
    ["publishing", [pact("/tmp/a.json", 1)], { publish: true, providerVersion: "1" }, "system"],
    ["a pact that uses plugins", [pact("/tmp/a.json", 1, [], { plugins: [{ name: "protobuf" }] })], {}, "system"],
  ])("%s: %s", (_, pacts, more, expected) => {
    expect(coreTrust(pacts, options(more))).toBe(expected);
  });

  it("gives the core an empty certificate file and no certificate folder when it needs none", () => {
    expect(coreEnvironment("none")).toMatchObject({ SSL_CERT_DIR: undefined });
    expect(coreEnvironment("none").SSL_CERT_FILE).toBeTruthy();
    expect(coreEnvironment("system")).toEqual({});
  });
});
