/** The verify curve as a table, an SVG chart and its goal: each figure a ratio against plain Pact JS of the same run. */
import { writeChart } from "./docs.js";
import { atLeast, seconds, times } from "./goals.js";
import { table } from "./report.js";
import type { GoalVerdict } from "./results.js";
import { VERIFY_RUNNERS, type VerifyRow } from "./scale-verify.js";
import { ratio } from "./stats.js";

/** mockpact verify (one worker) at least twice as fast as plain Pact JS at 400 interactions (the largest size when 400 is not run). */
export function judgeVerify(rows: VerifyRow[], smoke: boolean): GoalVerdict {
  const row = rows.find((r) => r.interactions === 400) ?? rows[rows.length - 1];
  const goal = `verify ${row?.interactions ?? "?"} interactions: mockpact >= 2x faster than plain Pact JS`;
  const verdict = {
    ...atLeast(goal, ratio(row?.wallMs["Pact JS"], row?.wallMs.mockpact), 2, times),
    load: row?.loadAverage,
  };
  return smoke ? { ...verdict, met: undefined } : verdict;
}

export async function formatVerify(rows: VerifyRow[], goal: GoalVerdict, docsFile: string): Promise<string> {
  const series = VERIFY_RUNNERS.map((runner) => ({
    name: runner === "Pact JS" ? "plain Pact JS Verifier" : `${runner}`,
    points: rows.flatMap((row) =>
      row.wallMs[runner] === undefined ? [] : [[row.interactions, row.wallMs[runner]! / 1000] as [number, number]],
    ),
  }));
  const chart = await writeChart(docsFile, "verify-vs-interactions.svg", {
    title: "Verify wall time (one GET per interaction)",
    xLabel: "interactions",
    yLabel: "seconds",
    logX: true,
    series,
  });
  const cell = (row: VerifyRow, runner: (typeof VERIFY_RUNNERS)[number]) => {
    const ms = row.wallMs[runner];
    return ms === undefined ? (row.failures[runner] ?? "n/a") : seconds(ms);
  };
  const versus = (row: VerifyRow, runner: (typeof VERIFY_RUNNERS)[number]) => {
    const r = ratio(row.wallMs["Pact JS"], row.wallMs[runner]);
    return r === undefined ? "n/a" : times(r);
  };
  const lines = rows.map((row) => [
    row.interactions.toLocaleString("en-US"),
    cell(row, "mockpact"),
    cell(row, "mockpact --parallel 2"),
    cell(row, "Pact JS"),
    versus(row, "mockpact"),
    versus(row, "mockpact --parallel 2"),
    row.loadAverage.toFixed(1),
  ]);
  return [
    chart,
    table(
      [
        "interactions",
        "mockpact verify",
        "mockpact verify --parallel 2",
        "plain Pact JS Verifier",
        "mockpact / Pact JS (speed-up)",
        "--parallel 2 / Pact JS",
        "load",
      ],
      lines,
    ),
    table(
      ["goal", "figure", "load", "met"],
      [
        [
          goal.goal,
          goal.figure,
          goal.load === undefined ? "" : goal.load.toFixed(1),
          goal.met === undefined ? "n/a" : goal.met ? "met" : "**not met**",
        ],
      ],
    ),
  ].join("\n\n");
}
