/**
 * Throughput and latency of one scenario on every server: a check that each answers the expected
 * status, a warm-up run each, then rounds in alternation (bare, Prism, mockpact, bare, ...), so a
 * slow minute of the machine hits all of them alike. The median round is reported.
 */
import { runLoad, type LoadFigures } from "./load.js";
import { cpuMicrosOf } from "./processes.js";
import type { RecordedAnswer } from "./peers.js";
import type { Plan } from "./plan.js";
import { sampleRss } from "./rss-sampler.js";
import { SERVERS_OF, type BenchRequest, type Scenario, type ServerKind } from "./scenarios.js";
import type { RunningServer } from "./servers.js";
import { median } from "./stats.js";

export interface ThroughputFigures {
  scenario: string;
  server: ServerKind;
  rounds: LoadFigures[];
  /** Median of the rounds, figure by figure. */
  median?: {
    requestsPerSecond: number;
    p50Ms: number;
    p99Ms: number;
    errors: number;
    serverCpuMicros?: number;
    loadAverage: number;
  };
  /** Why the server was not loaded (it answered the check with another status, or is not running). */
  skipped?: string;
}

/** Highest RSS seen while each server was under load, across every scenario run so far. */
export type PeakRss = Partial<Record<ServerKind, number>>;

export async function measureScenario(
  scenario: Scenario,
  servers: RunningServer[],
  plan: Plan,
  peaks: PeakRss,
  log: (line: string) => void,
): Promise<ThroughputFigures[]> {
  const figures: ThroughputFigures[] = [];
  const loaded: Array<{ server: RunningServer; figure: ThroughputFigures }> = [];
  for (const server of servers.filter((s) => SERVERS_OF[scenario.kind].includes(s.kind))) {
    const figure: ThroughputFigures = { scenario: scenario.id, server: server.kind, rounds: [] };
    figures.push(figure);
    const check = await checkAnswer(server.url, scenario.request);
    if (check) figure.skipped = check;
    else loaded.push({ server, figure });
  }
  const settings = { connections: plan.connections, requests: plan.requestsPerRun };
  if (plan.warmUpSeconds > 0)
    for (const { server } of loaded)
      await runLoad(server.url, scenario.request, { ...settings, durationSeconds: plan.warmUpSeconds });
  for (let round = 0; round < plan.rounds; round++) {
    for (const { server, figure } of loaded) {
      const sampler = sampleRss(server.process.pid);
      const cpuBefore = cpuMicrosOf(server.process.pid);
      const figures = await runLoad(server.url, scenario.request, {
        ...settings,
        durationSeconds: plan.durationSeconds,
      });
      const cpuAfter = cpuMicrosOf(server.process.pid);
      if (cpuBefore !== undefined && cpuAfter !== undefined && figures.requests > 0)
        figures.serverCpuMicros = (cpuAfter - cpuBefore) / figures.requests;
      figure.rounds.push(figures);
      const peak = sampler.stop();
      if (peak !== undefined) peaks[server.kind] = Math.max(peaks[server.kind] ?? 0, peak);
    }
  }
  for (const figure of figures) {
    if (figure.rounds.length > 0) figure.median = medianOf(figure.rounds);
    log(
      `  ${scenario.id} ${figure.server}: ${figure.median ? `${Math.round(figure.median.requestsPerSecond)} req/s` : figure.skipped}`,
    );
  }
  return figures;
}

function medianOf(rounds: LoadFigures[]): NonNullable<ThroughputFigures["median"]> {
  return {
    requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
    p50Ms: median(rounds.map((r) => r.p50Ms)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    errors: median(rounds.map((r) => r.errors)),
    serverCpuMicros: rounds.every((r) => r.serverCpuMicros !== undefined)
      ? median(rounds.map((r) => r.serverCpuMicros!))
      : undefined,
    loadAverage: median(rounds.map((r) => r.loadAverage)),
  };
}

/** One request before the load: a server that answers another status is reported, not measured. */
async function checkAnswer(baseUrl: string, request: BenchRequest): Promise<string | undefined> {
  try {
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (response.status === request.status) return undefined;
    return `answered ${response.status}, not ${request.status}: ${text.slice(0, 160)}`;
  } catch (error) {
    return `no answer: ${(error as Error).message}`;
  }
}

/** What a server answers to a request, for priming the bare ceiling with the same bytes. */
export async function recordAnswer(baseUrl: string, request: BenchRequest): Promise<RecordedAnswer> {
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(10_000),
  });
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "application/json",
    body: await response.text(),
  };
}
