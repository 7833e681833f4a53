import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StateHandlers } from "../../src/verify/states.js";
import { parseVerifierOutput } from "../../src/verify/verifier-output.js";
import type { VerifyOptions } from "../../src/verify/options.js";
import { verifyProvider } from "../../src/verify/verify.js";
import { startBrokerStandIn, type BrokerStandIn } from "../support/broker-stand-in.js";
import { VERIFY_CASES, type Verdict } from "./side-by-side/cases.js";
import { MESSAGES, STATES, startSideBySideProvider } from "./side-by-side/provider.js";

const PACTS = path.resolve("test/verify/side-by-side/pacts");
const PACT_JS = path.resolve("test/verify/support/pact-js-verify.mjs");
const dir = mkdtempSync(path.join(tmpdir(), "mockpact-side-by-side-"));
const ours = new Map<string, Map<string, Verdict>>();
const reports = new Map<string, Awaited<ReturnType<typeof verifyProvider>>>();
const theirs = new Map<string, Map<string, Verdict>>();
let provider: { url: string; close(): Promise<void> };
const brokers: BrokerStandIn[] = [];

/** The runs: a pact file each, and the pending pact from a broker as pending and as work in progress. */
const RUNS: Array<{ name: string; file?: string; broker?: { wip: boolean } }> = [
  ...["v2-http.json", "v3-http.json", "v4-http.json", "v3-messages.json", "v4-messages.json"].map((name) => ({
    name,
    file: path.join(PACTS, name),
  })),
  { name: "pending (broker)", broker: { wip: false } },
  { name: "WIP (broker)", broker: { wip: true } },
];

const handlers: StateHandlers = Object.fromEntries(
  Object.entries(STATES).map(([name, s]) => [
    name,
    async () => {
      if (s.fail) throw new Error(s.fail);
      return s.values;
    },
  ]),
);

async function brokerFor(wip: boolean): Promise<BrokerStandIn> {
  const broker = await startBrokerStandIn("side-by-side-provider", [
    { file: path.join(PACTS, "v3-pending.json"), ...(wip ? { wip: true } : { pending: true }) },
  ]);
  brokers.push(broker);
  return broker;
}

async function runMockpact(run: (typeof RUNS)[number]): Promise<Map<string, Verdict>> {
  const source: Partial<VerifyOptions> = run.file
    ? { pacts: [run.file] }
    : {
        brokerUrl: (await brokerFor(run.broker!.wip)).url,
        provider: "side-by-side-provider",
        enablePending: true,
        ...(run.broker!.wip ? { includeWipSince: "2024-01-01" } : {}),
      };
  const result = await verifyProvider({
    providerBaseUrl: provider.url,
    states: handlers,
    messagePath: "/messages",
    ...source,
  });
  reports.set(run.name, result);
  return new Map(result.suites.flatMap((s) => s.cases.map((c) => [c.name, c.status] as const)));
}

async function runPactJs(run: (typeof RUNS)[number]): Promise<Map<string, Verdict>> {
  const out = path.join(dir, `${run.name.replace(/\W+/g, "-")}.json`);
  const source = run.file
    ? { pactUrls: [run.file] }
    : {
        pactBrokerUrl: (await brokerFor(run.broker!.wip)).url,
        provider: "side-by-side-provider",
        enablePending: true,
        consumerVersionSelectors: [{ latest: true }],
        ...(run.broker!.wip ? { includeWipPactsSince: "2024-01-01" } : {}),
      };
  const config = path.join(dir, `${run.name.replace(/\W+/g, "-")}.config.json`);
  writeFileSync(
    config,
    JSON.stringify({ providerBaseUrl: provider.url, source, states: STATES, messages: MESSAGES, out }),
  );
  const child = spawn(process.execPath, [PACT_JS, config], {
    stdio: "ignore",
    env: { ...process.env, PACT_DO_NOT_TRACK: "true" },
  });
  // A stuck child must not hold the suite: it is killed, and the missing verdict fails the test.
  const guard = setTimeout(() => child.kill("SIGKILL"), 60_000);
  await once(child, "exit");
  clearTimeout(guard);
  const output = parseVerifierOutput(readFileSync(out, "utf8"));
  if (!output) throw new Error(`Pact JS gave no verdict: ${readFileSync(out, "utf8").slice(0, 300)}`);
  return new Map(
    output.interactions.map((i) => [i.description, i.ok ? "passed" : i.pending ? "pending" : "failed"] as const),
  );
}

beforeAll(async () => {
  provider = await startSideBySideProvider();
  for (const run of RUNS) {
    ours.set(run.name, await runMockpact(run));
    theirs.set(run.name, await runPactJs(run));
  }
});

afterAll(async () => {
  await provider?.close();
  for (const broker of brokers) await broker.close();
  rmSync(dir, { recursive: true, force: true });
  const lines = RUNS.map((run) => {
    const cases = VERIFY_CASES.filter((c) => c.pact === run.name);
    const agreed = cases.filter(
      (c) => ours.get(run.name)?.get(c.interaction) === theirs.get(run.name)?.get(c.interaction),
    ).length;
    return `${run.name}: ${agreed}/${cases.length} agree${agreed < cases.length ? ` (${cases.length - agreed} listed deliberate differences)` : ""}`;
  });
  console.log(`mockpact verify side by side with plain Pact JS\n  ${lines.join("\n  ")}`);
});

describe("mockpact verify side by side with plain Pact JS's Verifier: the same verdict per interaction", () => {
  it.each(VERIFY_CASES.map((c) => [`${c.pact}: ${c.interaction}`, c] as const))("%s", (_name, c) => {
    expect(ours.get(c.pact)?.get(c.interaction), "mockpact's verdict").toBe(c.verdict);
    const pactJs = theirs.get(c.pact)?.get(c.interaction);
    if (c.pactJs) expect(pactJs, `listed as a deliberate difference (${c.pactJs.why})`).toBe(c.pactJs.verdict);
    else expect(pactJs, "plain Pact JS's verdict").toBe(c.verdict);
  });

  it("mockpact's report keeps what Pact keeps: the V4 comments and test name, the provider states, the failed response", () => {
    const cases = reports.get("v4-http.json")!.suites.flatMap((suite) => suite.cases);
    expect(cases.find((c) => c.name === "an interaction with comments")).toMatchObject({
      comments: ["the code is at most four digits"],
      testName: "client reads the code",
      response: { status: 200, headers: { "x-code": "9999X" } },
    });
    const failedState = reports
      .get("v3-http.json")!
      .suites[0]!.cases.find((c) => c.name === "a state whose setup fails");
    expect(failedState?.states).toEqual(["the database is down"]);
    expect(failedState?.findings).toContainEqual(
      expect.objectContaining({
        source: "state",
        message: 'provider state "the database is down" failed on setup: database is down',
      }),
    );
    expect(failedState?.response).toBeUndefined(); // the core sent no request
  });

  it("the table lists every interaction of every run, and no other", () => {
    for (const run of RUNS)
      expect([...ours.get(run.name)!.keys()].sort()).toEqual(
        VERIFY_CASES.filter((c) => c.pact === run.name)
          .map((c) => c.interaction)
          .sort(),
      );
  });
});
