import { describe, expect, it } from "vitest";
import { judgeGoals } from "../../bench/goals.js";
import type { ServerKind } from "../../bench/scenarios.js";
import type { ThroughputFigures } from "../../bench/throughput.js";

/** One scenario's medians: requests per second and server CPU µs per request, per server. */
function figures(scenario: string, rows: Partial<Record<ServerKind, [number, number]>>): ThroughputFigures[] {
  return Object.entries(rows).map(([server, [requestsPerSecond, serverCpuMicros]]) => ({
    scenario,
    server: server as ServerKind,
    rounds: [],
    median: { requestsPerSecond, serverCpuMicros, p50Ms: 0, p99Ms: 0, errors: 0, loadAverage: 1 },
  }));
}

function goal(throughput: ThroughputFigures[], name: string) {
  const found = judgeGoals(throughput, [], []).find((g) => g.goal === name);
  if (!found) throw new Error(`no goal ${name}`);
  return found;
}

describe("bench goals against a peer", () => {
  // bare / Prism is 11x: a 15x goal is out of reach of any node:http server in that run.
  const run = figures("shop-static", {
    bare: [88_000, 11],
    prism: [8_000, 125],
    wiremock: [12_800, 109],
    mockpact: [48_000, 21],
  });

  it.each([
    [
      "shop-static: mockpact >= 15x Prism",
      "6.0x (by CPU time per request: 6.0x); above the ceiling: bare node:http 11x",
      false,
    ],
    ["shop-static: mockpact >= 5x WireMock", "3.8x (by CPU time per request: 5.2x); bare node:http 6.9x", false],
    ["shop-static: mockpact >= 75% of bare node:http", "55% (by CPU time per request: 52%)", false],
  ])("%s shows %s", (name, figure, met) => {
    expect(goal(run, name)).toMatchObject({ figure, met });
  });

  it("judges by mockpact's own ratio, not by the ceiling's", () => {
    const fast = figures("shop-static", { bare: [88_000, 11], prism: [1_000, 900], mockpact: [48_000, 21] });
    expect(goal(fast, "shop-static: mockpact >= 15x Prism")).toMatchObject({
      figure: "48x (by CPU time per request: 43x); bare node:http 88x",
      met: true,
    });
  });

  it("shows no ceiling where bare node:http was not measured", () => {
    const alone = figures("shop-static", { prism: [8_000, 125], mockpact: [48_000, 21] });
    expect(goal(alone, "shop-static: mockpact >= 15x Prism").figure).toBe("6.0x (by CPU time per request: 6.0x)");
  });
});
