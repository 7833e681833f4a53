/**
 * RSS of `mockpact mock` on the sample contract over a steady load: a fixed rate of mixed requests
 * (a static example, a seeded fake, a validated body, a 404) for the plan's time, RSS read at a fixed
 * interval. Flat means the last reading is within 10% of the reading after the first tenth (warm-up).
 */
import autocannon from "autocannon";
import { performance } from "node:perf_hooks";
import type { ScalePlan } from "./plan.js";
import { rssOf, type Pinning } from "./processes.js";
import { SCENARIOS } from "./scenarios.js";
import { startContractServer } from "./servers.js";
import { CONTRACTS } from "./scenarios.js";

export interface SteadyRss {
  /** Seconds since the load began, and RSS in bytes. */
  samples: Array<[number, number]>;
  requests: number;
  errors: number;
  failure?: string;
}

export async function steadyRss(plan: ScalePlan, pinning: Pinning): Promise<SteadyRss> {
  const started = await startContractServer(
    "mockpact",
    CONTRACTS.shop.file,
    CONTRACTS.shop.probe,
    plan.startBoundMs.mockpact,
    pinning,
  );
  if (!started.ok) return { samples: [], requests: 0, errors: 0, failure: started.reason };
  const { server } = started;
  const requests = SCENARIOS.filter((s) => s.contract === "shop").map(({ request }) => ({
    method: request.method as autocannon.Request["method"],
    path: request.path,
    headers: request.headers,
    body: request.body,
  }));
  const samples: Array<[number, number]> = [];
  const begin = performance.now();
  const read = () => {
    const rss = rssOf(server.process.pid);
    if (rss !== undefined) samples.push([Math.round((performance.now() - begin) / 1000), rss]);
  };
  const timer = setInterval(read, plan.steady.everySeconds * 1000);
  try {
    const result = await autocannon({
      url: server.url,
      requests,
      connections: 4,
      overallRate: plan.steady.rate,
      duration: plan.steady.seconds,
    });
    read();
    return { samples, requests: result.requests.total, errors: result.errors + result.timeouts };
  } finally {
    clearInterval(timer);
    await server.process.stop();
  }
}

/** Last reading against the first one after a tenth of the time: 1.0 is flat. */
export function growth(steady: SteadyRss, seconds: number): number | undefined {
  const warm = steady.samples.find(([at]) => at >= seconds / 10) ?? steady.samples[0];
  const last = steady.samples[steady.samples.length - 1];
  return warm && last ? last[1] / warm[1] : undefined;
}
