/**
 * The result as Markdown tables: readable on a console, and written between the markers of
 * docs/performance.md. Each ratio is against a peer of the same run; the load column is the
 * machine's 1-minute load average while the row was measured.
 */
import { mib, percent, seconds, times } from "./goals.js";
import type { BenchResult } from "./results.js";
import { CONTRACTS, SERVER_KINDS, type ServerKind } from "./scenarios.js";
import { ratio } from "./stats.js";

export const SERVER_NAMES: Record<ServerKind, string> = {
  bare: "bare node:http",
  prism: "Prism 5.14",
  wiremock: "WireMock 3.13",
  mockoon: "Mockoon CLI 9.9",
  mockpact: "mockpact",
};

export function formatReport(result: BenchResult): string {
  return (
    [machineLine(result), throughputTable(result), startupTable(result), commandTable(result), goalTable(result)].join(
      "\n\n",
    ) + "\n"
  );
}

function machineLine(r: BenchResult): string {
  const m = r.machine;
  const load =
    r.plan.requestsPerRun === undefined
      ? `${r.plan.rounds} rounds of ${r.plan.durationSeconds} s`
      : `${r.plan.rounds} round(s) of ${r.plan.requestsPerRun} requests`;
  return [
    `Run ${r.startedAt} (${r.plan.name} plan, ${r.durationSeconds.toFixed(0)} s): ${m.cpus} CPUs (${m.model}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}.`,
    `Load average (1 min): ${r.load.atStart} at the start, ${r.load.atEnd} at the end.`,
    `Load: autocannon, ${r.plan.connections} connections, ${load} per server, alternated, median shown; ${r.pinning}.`,
    ...(r.plan.mockpactNodeOptions?.length
      ? [`mockpact's servers started with \`node ${r.plan.mockpactNodeOptions.join(" ")}\` (not as users start it).`]
      : []),
  ].join("\n");
}

function throughputTable(r: BenchResult): string {
  const rows: string[][] = [];
  const peers: ServerKind[] = ["bare", "prism", "wiremock", "mockoon"];
  for (const scenario of r.scenarios) {
    const of = (server: ServerKind) => r.throughput.find((f) => f.scenario === scenario.id && f.server === server);
    const mockRps = of("mockpact")?.median?.requestsPerSecond;
    for (const server of SERVER_KINDS) {
      const figure = of(server);
      if (!figure) continue;
      const m = figure.median;
      const versus = peers.map((peer) =>
        server === "mockpact"
          ? show(ratio(mockRps, of(peer)?.median?.requestsPerSecond), peer === "bare" ? percent : times)
          : "",
      );
      const cpu = m?.serverCpuMicros === undefined ? "n/a" : m.serverCpuMicros.toFixed(0);
      const cells = m
        ? [
            fmt(m.requestsPerSecond),
            ms(m.p50Ms),
            ms(m.p99Ms),
            String(Math.round(m.errors)),
            cpu,
            m.loadAverage.toFixed(1),
          ]
        : [`not measured: ${figure.skipped ?? "?"}`, "", "", "", "", ""];
      rows.push([
        `${CONTRACTS[scenario.contract].label.split(" ")[0]}: ${scenario.label}`,
        SERVER_NAMES[server],
        ...cells,
        ...versus,
      ]);
    }
  }
  const header = [
    "scenario",
    "server",
    "req/s",
    "p50 ms",
    "p99 ms",
    "errors",
    "server CPU µs/req",
    "load",
    "mockpact / ceiling",
    "/ Prism",
    "/ WireMock",
    "/ Mockoon",
  ];
  return table(header, rows);
}

function startupTable(r: BenchResult): string {
  const rows: string[][] = [];
  for (const contract of r.plan.contracts) {
    for (const server of ["prism", "wiremock", "mockoon", "mockpact"] as const) {
      const start = r.startup.find((s) => s.contract === contract && s.server === server);
      const memory = r.memory.find((m) => m.contract === contract && m.server === server);
      if (!start) continue;
      const first =
        start.medianMs !== undefined
          ? `${seconds(start.medianMs)} (${start.samplesMs.length} run${start.samplesMs.length > 1 ? "s" : ""})`
          : (start.failure ?? "n/a");
      const busy =
        start.busyAfterFirstAnswerMs !== undefined
          ? seconds(start.busyAfterFirstAnswerMs)
          : start.busyBoundMs !== undefined
            ? `> ${seconds(start.busyBoundMs)}`
            : "";
      const load = start.loadAverage === undefined ? "" : start.loadAverage.toFixed(1);
      rows.push([
        CONTRACTS[contract].label,
        SERVER_NAMES[server],
        first,
        busy,
        mib(memory?.peakUnderLoadBytes),
        memory?.afterLoadBytes === undefined ? "" : mib(memory.afterLoadBytes),
        load,
      ]);
    }
  }
  return table(
    [
      "contract",
      "server",
      "start-up to first answer",
      "then busy for",
      "peak RSS under load",
      "RSS after load",
      "load",
    ],
    rows,
  );
}

function commandTable(r: BenchResult): string {
  const rows = r.commands.map((c) => [
    c.command,
    c.medianMs !== undefined
      ? `${seconds(c.medianMs)}${c.samplesMs.length > 1 ? ` (median of ${c.samplesMs.length})` : ""}`
      : (c.failure ?? "n/a"),
  ]);
  return table(["command", "wall time"], rows);
}

function goalTable(r: BenchResult): string {
  return table(
    ["goal", "figure", "load", "met"],
    r.goals.map((g) => [
      g.goal,
      g.figure,
      g.load === undefined ? "" : g.load.toFixed(1),
      g.met === undefined ? "n/a" : g.met ? "met" : "**not met**",
    ]),
  );
}

export function table(header: string[], rows: string[][]): string {
  const lines = [header, header.map(() => "---"), ...rows].map(
    (cells) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`,
  );
  return lines.join("\n");
}

/** autocannon counts latency in whole milliseconds: 0 means under one. */
const ms = (n: number) => (n < 1 ? "< 1" : n.toFixed(n < 10 && !Number.isInteger(n) ? 1 : 0));
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const show = (value: number | undefined, as: (x: number) => string) => (value === undefined ? "n/a" : as(value));
