import type { Case, Report, Suite } from "./model.js";
import { printable } from "../redact.js";
import { caseDetails, describeFinding } from "./text.js";

export interface Paint {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const plain: Paint = { red: (t) => t, green: (t) => t, yellow: (t) => t, dim: (t) => t, bold: (t) => t };

/**
 * The console report: suites (one per pact: consumer -> provider) with one line per case and its
 * findings indented beneath, then one summary line. Colours come from the caller (cli/print.ts
 * decides whether the terminal gets any).
 */
export function formatConsole(report: Report, paint: Paint = plain): string {
  const lines: string[] = [];
  for (const suite of report.suites) lines.push(...suiteLines(suite, paint), "");
  lines.push(summaryLine(report, paint));
  return `${lines.join("\n")}\n`;
}

function suiteLines(suite: Suite, paint: Paint): string[] {
  const facts = Object.entries(suite.properties).map(([k, v]) => `${k} ${v}`);
  if (suite.source) facts.push(suite.source);
  const lines = [`${paint.bold(printable(suite.name))} ${paint.dim(printable(`(${facts.join(", ")})`))}`];
  for (const c of suite.cases) lines.push(...caseLines(c, paint));
  return lines;
}

function caseLines(c: Case, paint: Paint): string[] {
  const mark = c.status === "passed" ? paint.green("✓") : c.status === "pending" ? paint.yellow("○") : paint.red("✗");
  const tail = c.status === "pending" ? paint.yellow(" (pending)") : "";
  const lines = [
    `  ${mark} ${printable(c.name)}${tail}${c.durationMs !== undefined ? paint.dim(` ${Math.round(c.durationMs)} ms`) : ""}`,
  ];
  for (const finding of c.findings) {
    const line = `      ${printable(describeFinding(finding), { lines: true })}`;
    lines.push(finding.level === "warning" ? paint.yellow(line) : c.status === "failed" ? paint.red(line) : line);
  }
  if (c.status !== "passed")
    for (const detail of caseDetails(c)) lines.push(paint.dim(`      ${printable(detail, { lines: true })}`));
  return lines;
}

export function summaryLine(report: Report, paint: Paint = plain): string {
  const s = report.summary;
  const counts = [`${s.passed} passed`, `${s.failed} failed`, ...(s.pending ? [`${s.pending} pending`] : [])].join(
    ", ",
  );
  const by =
    report.kind === "compat"
      ? [`${s.bySource.compat} incompatibilit${s.bySource.compat === 1 ? "y" : "ies"}`, `${s.warnings} warning(s)`]
      : [`${s.bySource.pact} Pact mismatch(es)`, `${s.bySource.schema} schema violation(s)`];
  if (s.bySource.state + s.bySource.error > 0) by.push(`${s.bySource.state + s.bySource.error} other failure(s)`);
  const text = `${s.cases} interaction(s) in ${s.suites} pact(s): ${counts} (${by.join(", ")}) in ${(report.durationMs / 1000).toFixed(1)} s`;
  return report.ok ? paint.green(text) : paint.red(text);
}
