/**
 * The result as Markdown tables: readable on a console and pasted unchanged into docs/performance.md.
 */
import { mib, percent, seconds, times } from "./goals.js";
import type { BenchResult } from "./results.js";
import { CONTRACTS, type ServerKind } from "./scenarios.js";
import { ratio } from "./stats.js";

const SERVER_NAMES: Record<ServerKind, string> = { bare: "bare node:http", prism: "Prism 5.14", mockpact: "mockpact" };

export function formatReport(result: BenchResult): string {
  return [machineLine(result), throughputTable(result), startupTable(result), commandTable(result), goalTable(result)].join("\n\n") + "\n";
}

function machineLine(r: BenchResult): string {
  const m = r.machine;
  return [
    `Run ${r.startedAt} (${r.plan.name} plan, ${r.durationSeconds.toFixed(0)} s): ${m.cpus} CPUs (${m.model}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}.`,
    `Load: autocannon, ${r.plan.connections} connections, ${r.plan.rounds} rounds of ${r.plan.durationSeconds} s per server, alternated, median shown; ${r.pinning}.`,
  ].join("\n");
}

function throughputTable(r: BenchResult): string {
  const rows: string[][] = [];
  for (const scenario of r.scenarios) {
    const of = (server: ServerKind) => r.throughput.find((f) => f.scenario === scenario.id && f.server === server);
    const mockRps = of("mockpact")?.median?.requestsPerSecond;
    for (const server of ["bare", "prism", "mockpact"] as ServerKind[]) {
      const figure = of(server);
      if (!figure) continue;
      const m = figure.median;
      const versus = server === "mockpact" ? [show(ratio(mockRps, of("prism")?.median?.requestsPerSecond), times), show(ratio(mockRps, of("bare")?.median?.requestsPerSecond), percent)] : ["", ""];
      const cpu = m?.serverCpuMicros === undefined ? "n/a" : m.serverCpuMicros.toFixed(0);
      const cells = m ? [fmt(m.requestsPerSecond), ms(m.p50Ms), ms(m.p99Ms), String(Math.round(m.errors)), cpu] : [`not measured: ${figure.skipped ?? "?"}`, "", "", "", ""];
      rows.push([`${CONTRACTS[scenario.contract].label.split(" ")[0]}: ${scenario.label}`, SERVER_NAMES[server], ...cells, ...versus]);
    }
  }
  return table(["scenario", "server", "req/s", "p50 ms", "p99 ms", "errors", "server CPU µs/req", "mockpact / Prism", "mockpact / ceiling"], rows);
}

function startupTable(r: BenchResult): string {
  const rows: string[][] = [];
  for (const contract of ["shop", "github", "stripe"] as const) {
    for (const server of ["prism", "mockpact"] as const) {
      const start = r.startup.find((s) => s.contract === contract && s.server === server);
      const memory = r.memory.find((m) => m.contract === contract && m.server === server);
      if (!start) continue;
      const first = start.medianMs !== undefined ? `${seconds(start.medianMs)} (${start.samplesMs.length} run${start.samplesMs.length > 1 ? "s" : ""})` : start.failure ?? "n/a";
      const busy = start.busyAfterFirstAnswerMs !== undefined ? seconds(start.busyAfterFirstAnswerMs) : start.busyBoundMs !== undefined ? `> ${seconds(start.busyBoundMs)}` : "n/a";
      rows.push([CONTRACTS[contract].label, SERVER_NAMES[server], first, busy, mib(memory?.peakUnderLoadBytes), mib(memory?.afterLoadBytes)]);
    }
  }
  return table(["contract", "server", "start-up to first answer", "then busy for", "peak RSS under load", "RSS after load"], rows);
}

function commandTable(r: BenchResult): string {
  const rows = r.commands.map((c) => [c.command, c.medianMs !== undefined ? `${seconds(c.medianMs)}${c.samplesMs.length > 1 ? ` (median of ${c.samplesMs.length})` : ""}` : c.failure ?? "n/a"]);
  return table(["command", "wall time"], rows);
}

function goalTable(r: BenchResult): string {
  return table(["goal", "figure", "met"], r.goals.map((g) => [g.goal, g.figure, g.met === undefined ? "n/a" : g.met ? "yes" : "**no**"]));
}

function table(header: string[], rows: string[][]): string {
  const lines = [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`);
  return lines.join("\n");
}

/** autocannon counts latency in whole milliseconds: 0 means under one. */
const ms = (n: number) => (n < 1 ? "< 1" : n.toFixed(n < 10 && !Number.isInteger(n) ? 1 : 0));
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const show = (value: number | undefined, as: (x: number) => string) => (value === undefined ? "n/a" : as(value));
