/**
 * The stateful scenario (`npm run bench -- --only stateful`, and part of every full run): `mockpact
 * mock --stateful` creating and reading items, with its state in memory and in Redis (`--store`) side
 * by side, on a redis-server this bench starts itself (no persistence) and stops; skipped with a note
 * where there is none. Beside the figures: the Redis round trip itself (redis-benchmark PING on one
 * connection), so the cost per request of the store can be set against it.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { freePort } from "../test/support/prism.js";
import { runLoad, type LoadFigures } from "./load.js";
import { loadAverage } from "./machine.js";
import type { Plan } from "./plan.js";
import { firstAnswer, waitForLine, spawnNode, type Pinning } from "./processes.js";
import type { BenchRequest } from "./scenarios.js";

export interface StatefulFigures {
  store: "memory" | "redis";
  operation: "create" | "read";
  figures: LoadFigures;
}

export type StatefulBench = { skipped: string } | { rows: StatefulFigures[]; pingMicros?: number; loadAverage: number };

const CONTRACT = "test/contracts/tasks.yaml";
const HOST = "127.0.0.1";
const JSON_HEADERS = { "content-type": "application/json" };
const CREATE: BenchRequest = {
  method: "POST",
  path: "/api/tasks",
  headers: JSON_HEADERS,
  body: JSON.stringify({ title: "bench", tags: ["a"] }),
  status: 201,
};
const READ: BenchRequest = { method: "GET", path: "/api/tasks/1", headers: {}, status: 200 };

export async function benchStateful(plan: Plan, pinning: Pinning, log: (line: string) => void): Promise<StatefulBench> {
  if (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status !== 0)
    return { skipped: "no redis-server (apt-get install -y redis-server): the stateful scenario was skipped" };
  const port = await freePort(HOST);
  const redis = spawn("redis-server", ["--port", String(port), "--bind", HOST, "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  try {
    const rows: StatefulFigures[] = [];
    for (let round = 0; round < plan.rounds; round++) {
      for (const store of ["memory", "redis"] as const)
        rows.push(...(await oneServer(store, `redis://${HOST}:${port}/0`, plan, pinning, log)));
    }
    return { rows, pingMicros: pingMicros(port), loadAverage: loadAverage() };
  } finally {
    redis.kill("SIGKILL");
  }
}

/** One mock, then a create load and a read load on it (the read after the creates, so item 1 exists). */
async function oneServer(
  store: "memory" | "redis",
  url: string,
  plan: Plan,
  pinning: Pinning,
  log: (line: string) => void,
): Promise<StatefulFigures[]> {
  const port = await freePort(HOST);
  const args = [
    resolve("bin/mockpact.js"),
    "mock",
    CONTRACT,
    "--stateful",
    "--state-max-items",
    "10000000",
    "--state-max-bytes",
    "2gb",
    "--port",
    String(port),
    "--host",
    HOST,
  ];
  const server = spawnNode(
    store === "redis" ? [...args, "--store", url, "--store-prefix", `bench-${port}`] : args,
    pinning,
  );
  try {
    await waitForLine(server, /listening on/, plan.startBoundMs.mockpact);
    const base = `http://${HOST}:${port}`;
    const settings = { connections: plan.connections, durationSeconds: plan.durationSeconds };
    await runLoad(base, CREATE, { ...settings, durationSeconds: plan.warmUpSeconds });
    const create = await runLoad(base, CREATE, settings);
    const read = await runLoad(base, READ, settings);
    log(
      `  stateful ${store}: create ${create.requestsPerSecond.toFixed(0)} req/s, read ${read.requestsPerSecond.toFixed(0)} req/s`,
    );
    return [
      { store, operation: "create", figures: create },
      { store, operation: "read", figures: read },
    ];
  } finally {
    await server.stop();
  }
}

/** The round trip to Redis on one connection (µs), from redis-benchmark's PING rate; undefined without it. */
function pingMicros(port: number): number | undefined {
  try {
    const csv = execFileSync(
      "redis-benchmark",
      ["-h", HOST, "-p", String(port), "-c", "1", "-n", "20000", "-t", "ping", "--csv"],
      { encoding: "utf8", timeout: 60_000 },
    );
    const rates = [...csv.matchAll(/"PING_[A-Z]+","([\d.]+)"/g)].map((m) => Number(m[1]));
    return rates.length > 0 ? 1e6 / Math.max(...rates) : undefined;
  } catch {
    return undefined;
  }
}

/** Markdown: median req/s and p99 per store and operation, and the cost of the store per request. */
export function formatStateful(bench: StatefulBench): string {
  if ("skipped" in bench) return `Stateful scenario: ${bench.skipped}\n`;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const of = (store: string, operation: string) =>
    bench.rows.filter((r) => r.store === store && r.operation === operation).map((r) => r.figures);
  let text = `Stateful scenario (tasks.yaml, --stateful), load average ${bench.loadAverage}:\n\n| operation | store | req/s | p50 ms | p99 ms | errors |\n| --- | --- | ---: | ---: | ---: | ---: |\n`;
  const costs: string[] = [];
  for (const operation of ["create", "read"]) {
    const rps: Record<string, number> = {};
    for (const store of ["memory", "redis"]) {
      const runs = of(store, operation);
      rps[store] = median(runs.map((f) => f.requestsPerSecond));
      text += `| ${operation} | ${store} | ${rps[store]!.toFixed(0)} | ${median(runs.map((f) => f.p50Ms)).toFixed(1)} | ${median(runs.map((f) => f.p99Ms)).toFixed(1)} | ${runs.reduce((n, f) => n + f.errors, 0)} |\n`;
    }
    if (rps.memory! > 0 && rps.redis! > 0)
      costs.push(`${operation}: ${(1e6 / rps.redis! - 1e6 / rps.memory!).toFixed(0)} µs of server time per request`);
  }
  const ping =
    bench.pingMicros === undefined
      ? ""
      : `; one Redis round trip (redis-benchmark PING, 1 connection): ${bench.pingMicros.toFixed(0)} µs`;
  return `${text}\nCost of the Redis store: ${costs.join(", ")}${ping}.\n`;
}
