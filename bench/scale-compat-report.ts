/** The compat curve as an SVG chart and a table: wall time and interactions/s, mockpact against swagger-mock-validator of the same run. */
import { writeChart } from "./docs.js";
import { seconds, times } from "./goals.js";
import { table } from "./report.js";
import { COMPAT_RUNNERS, type CompatRow, type CompatRunner } from "./scale-compat.js";
import { ratio } from "./stats.js";

export async function formatCompat(rows: CompatRow[], docsFile: string): Promise<string> {
  const chart = await writeChart(docsFile, "compat-vs-pacts.svg", {
    title: "Compat wall time against pacts",
    xLabel: "pacts",
    yLabel: "seconds",
    logX: true,
    series: COMPAT_RUNNERS.map((runner) => ({
      name: runner,
      points: rows.flatMap((row) => {
        const ms = row.wallMs[runner];
        return ms === undefined ? [] : [[row.pacts, ms / 1000] as [number, number]];
      }),
    })),
  });
  const cell = (row: CompatRow, runner: CompatRunner) => {
    const ms = row.wallMs[runner];
    return ms === undefined ? (row.failures[runner] ?? "n/a") : seconds(ms);
  };
  const rate = (row: CompatRow, runner: CompatRunner) => {
    const ms = row.wallMs[runner];
    return ms === undefined ? "n/a" : Math.round(row.interactions / (ms / 1000)).toLocaleString("en-US");
  };
  const speedUp = (row: CompatRow) => {
    const mockpact = row.wallMs["mockpact compat"];
    // A peer stopped at its bound took at least the bound: the speed-up is at least bound / mockpact.
    if (row.timedOut.includes("swagger-mock-validator") && mockpact !== undefined)
      return `> ${times(row.boundMs / mockpact)} (peer timed out)`;
    const r = ratio(row.wallMs["swagger-mock-validator"], mockpact);
    return r === undefined ? "no peer" : times(r);
  };
  return [
    chart,
    table(
      [
        "pacts",
        "interactions",
        "mockpact compat",
        "swagger-mock-validator",
        "mockpact interactions/s",
        "swagger-mock-validator interactions/s",
        "mockpact / swagger-mock-validator (speed-up)",
        "load",
      ],
      rows.map((row) => [
        row.pacts.toLocaleString("en-US"),
        row.interactions.toLocaleString("en-US"),
        cell(row, "mockpact compat"),
        cell(row, "swagger-mock-validator"),
        rate(row, "mockpact compat"),
        rate(row, "swagger-mock-validator"),
        speedUp(row),
        row.loadAverage.toFixed(1),
      ]),
    ),
  ].join("\n\n");
}
