/** The fixtures curve as an SVG chart and a table: files/s and MB/s of mockpact fixtures against plain json-schema-faker of the same run. */
import { writeChart } from "./docs.js";
import { seconds } from "./goals.js";
import { table } from "./report.js";
import type { FixturesRow } from "./scale-fixtures.js";
import { ratio } from "./stats.js";

const perSecond = (count: number, ms: number) => count / (ms / 1000);
const filesPerSecond = (row: FixturesRow) =>
  typeof row.mockpact === "string" ? undefined : perSecond(row.mockpact.files, row.mockpact.ms);
const valuesPerSecond = (row: FixturesRow) =>
  typeof row.ceiling === "string" ? undefined : perSecond(row.ceiling.values, row.ceiling.ms);
const whole = (n: number | undefined) => (n === undefined ? "n/a" : Math.round(n).toLocaleString("en-US"));
/** A share of the ceiling: one decimal below 10%, where whole percents would round small shares away. */
const ofCeiling = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
const megabytesPerSecond = (figure: { ms: number; bytes: number } | string) =>
  typeof figure === "string" ? "n/a" : (perSecond(figure.bytes, figure.ms) / 1e6).toPrecision(3);
/** The faker's loop is short: milliseconds below a second. */
const duration = (ms: number) => (ms < 1000 ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : seconds(ms));

export async function formatFixtures(rows: FixturesRow[], docsFile: string): Promise<string> {
  const points = (rate: (row: FixturesRow) => number | undefined) =>
    rows.flatMap((row) => {
      const y = rate(row);
      return y === undefined ? [] : [[row.operations, y] as [number, number]];
    });
  const chart = await writeChart(docsFile, "fixtures-vs-operations.svg", {
    title: "Fixtures per second against operations",
    xLabel: "operations",
    yLabel: "per second",
    logX: true,
    series: [
      { name: "mockpact fixtures (files/s)", points: points(filesPerSecond) },
      { name: "json-schema-faker (values/s)", points: points(valuesPerSecond) },
    ],
  });
  return [
    chart,
    table(
      [
        "operations",
        "mockpact fixtures",
        "files/s",
        "MB/s",
        "json-schema-faker loop",
        "values/s",
        "MB/s",
        "mockpact / ceiling (files/s)",
        "load",
      ],
      rows.map((row) => {
        const share = ratio(filesPerSecond(row), valuesPerSecond(row));
        return [
          row.operations.toLocaleString("en-US"),
          typeof row.mockpact === "string" ? row.mockpact : `${row.mockpact.files} files, ${seconds(row.mockpact.ms)}`,
          whole(filesPerSecond(row)),
          megabytesPerSecond(row.mockpact),
          typeof row.ceiling === "string" ? row.ceiling : `${row.ceiling.values} values, ${duration(row.ceiling.ms)}`,
          whole(valuesPerSecond(row)),
          megabytesPerSecond(row.ceiling),
          share === undefined ? "no peer" : ofCeiling(share),
          row.loadAverage.toFixed(1),
        ];
      }),
    ),
  ].join("\n\n");
}
