/**
 * One load run with autocannon (as a library, in this process): a fixed request for a fixed time on
 * a fixed number of connections. Answers with a status other than the expected one count as errors,
 * so a server that answers fast but wrong does not win.
 */
import autocannon from "autocannon";
import { loadAverage } from "./machine.js";
import type { BenchRequest } from "./scenarios.js";

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Socket errors, time-outs, and answers with an unexpected status. */
  errors: number;
  requests: number;
  /** The server's CPU time per answered request (µs), when it can be read (Linux). */
  serverCpuMicros?: number;
  /** The machine's 1-minute load average when the run ended. */
  loadAverage: number;
}

export interface LoadSettings {
  durationSeconds: number;
  connections: number;
  /** A fixed number of requests instead of a time (the smoke plan). */
  requests?: number;
}

export async function runLoad(baseUrl: string, request: BenchRequest, settings: LoadSettings): Promise<LoadFigures> {
  const result = await autocannon({
    url: `${baseUrl}${request.path}`,
    method: request.method as autocannon.Request["method"],
    headers: request.headers,
    body: request.body,
    connections: settings.connections,
    ...(settings.requests === undefined ? { duration: settings.durationSeconds } : { amount: settings.requests }),
    pipelining: 1,
    timeout: 10,
  });
  const expected = result.statusCodeStats?.[`${request.status}` as `${number}`]?.count ?? 0;
  const answered = result.requests.total;
  return {
    requestsPerSecond: expected / Math.max(result.duration, 0.001),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + Math.max(0, answered - expected),
    requests: answered,
    loadAverage: loadAverage(),
  };
}
