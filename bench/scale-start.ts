/**
 * One start of `mockpact mock` or `prism mock` on a generated contract: spawn to first answer, the
 * peak RSS from spawn until the server is idle again, and (mockpact) how much slower an answer is
 * while the background example checks run than once they are done.
 */
import { performance } from "node:perf_hooks";
import { freePort } from "../test/support/prism.js";
import type { ScalePlan } from "./plan.js";
import { firstAnswer, spawnNode, waitUntilIdle, type Pinning } from "./processes.js";
import { sampleRss } from "./rss-sampler.js";
import { contractServerArgs } from "./servers.js";

export interface ScaleStart {
  server: "prism" | "mockpact";
  startupMs?: number;
  failure?: string;
  peakRssBytes?: number;
  /** p99 of requests sent one after another for the plan's window right after the first answer, and once idle. */
  latency?: { busyP99Ms: number; idleP99Ms: number; requests: number };
}

export async function startOnce(
  server: "prism" | "mockpact",
  contract: string,
  probe: string,
  plan: ScalePlan,
  pinning: Pinning,
): Promise<ScaleStart> {
  const port = await freePort("127.0.0.1");
  const url = `http://127.0.0.1:${port}${probe}`;
  const boundMs = plan.startBoundMs[server];
  const startedAt = performance.now();
  const child = spawnNode(contractServerArgs(server, contract, port), pinning);
  const sampler = sampleRss(child.pid, 50);
  try {
    const startupMs = await firstAnswer(url, child, startedAt, boundMs);
    if (startupMs === undefined)
      return {
        server,
        failure: child.exited() ? "exited before answering" : `no answer within ${boundMs / 1000} s`,
        peakRssBytes: sampler.stop(),
      };
    const busy = server === "mockpact" ? await timeRequests(url, plan.busyWindowMs) : [];
    await waitUntilIdle(child.pid, 30_000);
    const peakRssBytes = sampler.stop();
    if (server === "prism") return { server, startupMs, peakRssBytes };
    const idle = await timeRequests(url, plan.busyWindowMs, busy.length);
    return {
      server,
      startupMs,
      peakRssBytes,
      latency: { busyP99Ms: p99(busy), idleP99Ms: p99(idle), requests: busy.length },
    };
  } finally {
    sampler.stop();
    await child.stop();
  }
}

/** Requests one after another for `windowMs` (or `count` of them): each one's milliseconds. */
async function timeRequests(url: string, windowMs: number, count = Infinity): Promise<number[]> {
  const times: number[] = [];
  const until = performance.now() + windowMs;
  while (times.length < count && (count !== Infinity || performance.now() < until)) {
    const sent = performance.now();
    await (await fetch(url, { signal: AbortSignal.timeout(10_000) })).arrayBuffer();
    times.push(performance.now() - sent);
  }
  return times;
}

function p99(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]!;
}
