/**
 * The generated part of docs/performance.md: the text between `<!-- NAME:begin -->` and
 * `<!-- NAME:end -->` is replaced by the bench's tables (and charts), so a run on a quiet machine
 * regenerates the docs; everything outside the markers is written by people and left alone. The
 * file is replaced whole (a temporary file, then a rename), or not at all.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { lineChart, type Chart } from "./svg-chart.js";

export async function writeGenerated(file: string, name: string, text: string): Promise<string> {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  let current = "";
  try {
    current = await readFile(file, "utf8");
  } catch {
    // a new file: the markers are added
  }
  const from = current.indexOf(begin);
  const to = current.indexOf(end);
  const generated = `${begin}\n<!-- written by \`npm run bench\`: edit bench/, not this part -->\n\n${text.trim()}\n\n${end}`;
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${generated}${current.slice(to + end.length)}`
      : `${current}${current && !current.endsWith("\n") ? "\n" : ""}\n${generated}\n`;
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, next);
  await rename(temporary, file);
  return `wrote the ${name} tables into ${file}`;
}

/**
 * Writes a chart as `performance/NAME` beside `docsFile` (the folder is created) and returns its
 * Markdown image, linked relatively so the docs show it on GitHub and in a local checkout.
 */
export async function writeChart(docsFile: string, name: string, chart: Chart): Promise<string> {
  const folder = join(dirname(docsFile), "performance");
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, name), lineChart(chart));
  return `![${name.replace(/\.svg$/, "").replace(/-/g, " ")}](${relative(dirname(docsFile), join(folder, name))})`;
}
