/**
 * A small line chart as SVG text, for docs/performance.md: one or more series of (x, y) points,
 * axes with a few labelled ticks, a legend. Written by the bench beside the tables, so a rerun
 * redraws it; plain SVG, no scripts, readable on GitHub.
 */
export interface Series {
  name: string;
  points: Array<[number, number]>;
}

export interface Chart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** A log scale for x (operations 100 / 1k / 10k). */
  logX?: boolean;
}

const PLOT_WIDTH = 420;
const HEIGHT = 360;
const MARGIN = { left: 70, top: 40, bottom: 50 };
/** Room for the legend: a swatch, then the longest name at about 7 px a character (12 px sans-serif). */
const legendWidth = (series: Series[]) => Math.max(150, 42 + 7 * Math.max(0, ...series.map((s) => s.name.length)));
const COLOURS = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e"];

export function lineChart(chart: Chart): string {
  const points = chart.series.flatMap((s) => s.points);
  const xs = points.map(([x]) => (chart.logX ? Math.log10(x) : x));
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs, Math.min(...xs) + 1)];
  const yMax = niceMax(Math.max(...points.map(([, y]) => y), 0));
  const plotW = PLOT_WIDTH;
  const width = MARGIN.left + plotW + legendWidth(chart.series);
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const px = (x: number) => MARGIN.left + (((chart.logX ? Math.log10(x) : x) - xMin) / (xMax - xMin)) * plotW;
  const py = (y: number) => MARGIN.top + plotH - (y / yMax) * plotH;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
  ];
  out.push(
    `<rect width="${width}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${MARGIN.left + plotW / 2}" y="20" text-anchor="middle" font-size="14">${escape(chart.title)}</text>`,
  );
  for (let i = 0; i <= 4; i++) {
    const y = (yMax * i) / 4;
    out.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${py(y)}" y2="${py(y)}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 6}" y="${py(y) + 4}" text-anchor="end">${label(y)}</text>`,
    );
  }
  for (const x of [...new Set(points.map(([x]) => x))].sort((a, b) => a - b))
    out.push(`<text x="${px(x)}" y="${MARGIN.top + plotH + 16}" text-anchor="middle">${label(x)}</text>`);
  out.push(
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 10}" text-anchor="middle">${escape(chart.xLabel)}</text>`,
  );
  out.push(
    `<text transform="translate(16 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escape(chart.yLabel)}</text>`,
  );
  chart.series.forEach((series, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const path = series.points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(" ");
    out.push(`<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const [x, y] of series.points)
      out.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${colour}"/>`);
    out.push(
      `<rect x="${MARGIN.left + plotW + 12}" y="${MARGIN.top + i * 20}" width="12" height="12" fill="${colour}"/>`,
      `<text x="${MARGIN.left + plotW + 30}" y="${MARGIN.top + i * 20 + 10}">${escape(series.name)}</text>`,
    );
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((step) => step * magnitude).find((candidate) => candidate >= value)!;
}

const label = (n: number) => (n >= 1000 ? `${+(n / 1000).toFixed(1)}k` : `${+n.toFixed(2)}`);
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
