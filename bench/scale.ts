/**
 * `npm run bench -- --scale`: how the costs grow with the work. Start-up and peak RSS against the
 * number of operations (generated contracts, mockpact and Prism where it answers within its bound),
 * a contract split over thousands of files, how much slower an answer is while the background
 * example checks run, and RSS over a steady load. Charts (SVG) and tables go to docs/performance.md.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeChart } from "./docs.js";
import { atLeast, mib, seconds, times } from "./goals.js";
import { loadAverage } from "./machine.js";
import type { ScalePlan } from "./plan.js";
import type { Pinning } from "./processes.js";
import { table } from "./report.js";
import type { GoalVerdict } from "./results.js";
import { startOnce, type ScaleStart } from "./scale-start.js";
import { growth, steadyRss, type SteadyRss } from "./scale-steady.js";
import { ratio } from "./stats.js";
import type { Chart } from "./svg-chart.js";
import { SYNTHETIC_PROBE, writeSyntheticContract } from "./synthetic-contract.js";

export interface ScaleRow {
  operations: number;
  files: number;
  starts: ScaleStart[];
  loadAverage: number;
}

export interface ScaleResult {
  plan: ScalePlan;
  curve: ScaleRow[];
  split: ScaleRow;
  steady: SteadyRss;
  goals: GoalVerdict[];
}

export async function runScale(plan: ScalePlan, pinning: Pinning, log: (line: string) => void): Promise<ScaleResult> {
  const folder = await mkdtemp(join(tmpdir(), "mockpact-bench-scale-"));
  try {
    const curve: ScaleRow[] = [];
    for (const operations of plan.operations)
      curve.push(await measureContract(join(folder, `ops-${operations}`), operations, false, plan, pinning, log));
    const split = await measureContract(join(folder, "split"), plan.splitOperations, true, plan, pinning, log);
    log(`steady load: ${plan.steady.seconds} s at ${plan.steady.rate} req/s`);
    const steady = await steadyRss(plan, pinning);
    return { plan, curve, split, steady, goals: judgeScale(plan, curve, split, steady) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function measureContract(
  folder: string,
  operations: number,
  split: boolean,
  plan: ScalePlan,
  pinning: Pinning,
  log: (line: string) => void,
): Promise<ScaleRow> {
  await mkdir(folder, { recursive: true });
  const { file, files } = await writeSyntheticContract(folder, operations, split);
  const starts: ScaleStart[] = [];
  for (const server of ["mockpact", "prism"] as const) {
    const start = await startOnce(server, file, SYNTHETIC_PROBE, plan, pinning);
    log(
      `  ${operations} operations${split ? ` in ${files} files` : ""}, ${server}: ${start.startupMs !== undefined ? seconds(start.startupMs) : start.failure}, peak ${mib(start.peakRssBytes)}`,
    );
    starts.push(start);
  }
  return { operations, files, starts, loadAverage: loadAverage() };
}

function judgeScale(plan: ScalePlan, curve: ScaleRow[], split: ScaleRow, steady: SteadyRss): GoalVerdict[] {
  const of = (row: ScaleRow | undefined, server: "mockpact" | "prism") => row?.starts.find((s) => s.server === server);
  const largest = curve[curve.length - 1];
  const mock = of(largest, "mockpact");
  const label = `${largest?.operations.toLocaleString("en-US")}-operation contract`;
  const under = (
    goal: string,
    value: number | undefined,
    bound: number,
    show: (x: number) => string,
    load?: number,
  ): GoalVerdict => ({
    goal,
    figure: value === undefined ? "no figure" : show(value),
    met: value === undefined ? undefined : value < bound,
    load,
  });
  const verdicts = [
    under(`${label}: start-up under 3 s`, mock?.startupMs, 3000, seconds, largest?.loadAverage),
    under(`${label}: peak RSS under 600 MiB`, mock?.peakRssBytes, 600 * 1024 ** 2, mib, largest?.loadAverage),
    {
      ...atLeast(
        `${label}: start-up faster than Prism`,
        ratio(of(largest, "prism")?.startupMs, mock?.startupMs),
        1,
        times,
      ),
      load: largest?.loadAverage,
    },
    under(
      `contract in ${split.files.toLocaleString("en-US")} files: start-up under 1.5 s`,
      of(split, "mockpact")?.startupMs,
      1500,
      seconds,
      split.loadAverage,
    ),
    under(
      `${label}: background example checks delay an answer under 50 ms (p99 while busy minus p99 idle)`,
      delay(mock),
      50,
      (ms) => `${ms.toFixed(1)} ms`,
      largest?.loadAverage,
    ),
    under(
      `RSS over ${plan.steady.seconds} s of steady load: flat within 10%`,
      deviation(growth(steady, plan.steady.seconds)),
      0.1,
      (x) => `${(x * 100).toFixed(1)}%`,
    ),
  ];
  return plan.name === "scale-smoke" ? verdicts.map((v) => ({ ...v, met: undefined })) : verdicts;
}

const delay = (start: ScaleStart | undefined) =>
  start?.latency ? Math.max(0, start.latency.busyP99Ms - start.latency.idleP99Ms) : undefined;
const deviation = (g: number | undefined) => (g === undefined ? undefined : Math.abs(g - 1));

/** The tables, and the charts written as SVG files beside `docsFile` (linked relatively). */
export async function formatScale(result: ScaleResult, docsFile: string): Promise<string> {
  const series = (server: "mockpact" | "prism", value: (s: ScaleStart) => number | undefined) => ({
    name: server === "prism" ? "Prism 5.14" : "mockpact",
    points: result.curve.flatMap((row) => {
      const v = row.starts.find((s) => s.server === server);
      const y = v ? value(v) : undefined;
      return y === undefined ? [] : [[row.operations, y] as [number, number]];
    }),
  });
  const charts: Array<[string, Chart]> = [
    [
      "startup-vs-operations.svg",
      {
        title: "Start-up to first answer",
        xLabel: "operations",
        yLabel: "seconds",
        logX: true,
        series: [
          series("mockpact", (s) => s.startupMs && s.startupMs / 1000),
          series("prism", (s) => s.startupMs && s.startupMs / 1000),
        ],
      },
    ],
    [
      "rss-vs-operations.svg",
      {
        title: "Peak RSS from start to idle",
        xLabel: "operations",
        yLabel: "MiB",
        logX: true,
        series: [
          series("mockpact", (s) => s.peakRssBytes && s.peakRssBytes / 1024 ** 2),
          series("prism", (s) => s.peakRssBytes && s.peakRssBytes / 1024 ** 2),
        ],
      },
    ],
    [
      "rss-steady-load.svg",
      {
        title: `RSS under ${result.plan.steady.rate} req/s`,
        xLabel: "seconds",
        yLabel: "MiB",
        series: [{ name: "mockpact", points: result.steady.samples.map(([at, rss]) => [at, rss / 1024 ** 2]) }],
      },
    ],
  ];
  const links: string[] = [];
  for (const [name, chart] of charts) links.push(await writeChart(docsFile, name, chart));
  const rows = [...result.curve, result.split].flatMap((row) =>
    row.starts.map((s) => [
      row.operations.toLocaleString("en-US"),
      String(row.files),
      s.server,
      s.startupMs !== undefined ? seconds(s.startupMs) : (s.failure ?? ""),
      mib(s.peakRssBytes),
      s.latency ? `${s.latency.busyP99Ms.toFixed(1)} / ${s.latency.idleP99Ms.toFixed(1)} ms` : "",
      row.loadAverage.toFixed(1),
    ]),
  );
  const steady =
    result.steady.failure ??
    `${result.steady.requests.toLocaleString("en-US")} requests, ${result.steady.errors} errors, ${result.steady.samples.length} readings`;
  return [
    links.join("\n"),
    table(
      [
        "operations",
        "files",
        "server",
        "start-up to first answer",
        "peak RSS (start to idle)",
        "p99 busy / idle",
        "load",
      ],
      rows,
    ),
    `Steady load: ${steady}.`,
    table(
      ["goal", "figure", "load", "met"],
      result.goals.map((g) => [
        g.goal,
        g.figure,
        g.load === undefined ? "" : g.load.toFixed(1),
        g.met === undefined ? "n/a" : g.met ? "met" : "**not met**",
      ]),
    ),
  ].join("\n\n");
}
