import { printable } from "../redact.js";
import type { Case, Finding, Report, Suite } from "./model.js";
import { caseDetails, describeFinding } from "./text.js";
import { writeFileAtomic } from "./write-file.js";

/**
 * JUnit XML as CI systems read it (Jenkins, GitLab, GitHub test reporters): one <testsuite> per
 * suite (a pact), one <testcase> per case (an interaction); failing findings become one <failure>
 * whose text lists them all; pending cases are <skipped>.
 */
export function toJUnitXml(report: Report): string {
  const { summary } = report;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(
    `<testsuites name="${attr(report.title)}" tests="${summary.cases}" failures="${summary.failed}" skipped="${summary.pending}" time="${seconds(report.durationMs)}">`,
  );
  for (const suite of report.suites) lines.push(...suiteXml(suite));
  lines.push("</testsuites>");
  return `${lines.join("\n")}\n`;
}

function suiteXml(suite: Suite): string[] {
  const failures = suite.cases.filter((c) => c.status === "failed").length;
  const skipped = suite.cases.filter((c) => c.status === "pending").length;
  const time = suite.cases.reduce((sum, c) => sum + (c.durationMs ?? 0), 0);
  const lines = [
    `  <testsuite name="${attr(suite.name)}" tests="${suite.cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(time)}">`,
  ];
  const properties = Object.entries({ ...suite.properties, ...(suite.source ? { source: suite.source } : {}) });
  if (properties.length > 0) {
    lines.push("    <properties>");
    for (const [name, value] of properties) lines.push(`      <property name="${attr(name)}" value="${attr(value)}"/>`);
    lines.push("    </properties>");
  }
  for (const c of suite.cases) lines.push(...caseXml(suite, c));
  lines.push("  </testsuite>");
  return lines;
}

function caseXml(suite: Suite, c: Case): string[] {
  const open = `    <testcase classname="${attr(suite.name)}" name="${attr(c.name)}" time="${seconds(c.durationMs ?? 0)}"`;
  const errors = c.findings.filter((f) => f.level === "error");
  const failing = errors.length > 0 ? errors : c.findings; // a case failed by its warnings (compat --fail-on warning)
  if (c.status === "passed" && c.findings.length === 0) return [`${open}/>`];
  const lines = [`${open}>`];
  if (c.status === "pending")
    lines.push(
      `      <skipped message="pending: ${attr(countText(c.findings))}">${text(c.findings.map(describeFinding).join("\n"))}</skipped>`,
    );
  else if (c.status === "failed") {
    lines.push(
      `      <failure message="${attr(countText(failing))}" type="${attr(sources(failing))}">${text(failing.map(describeFinding).join("\n"))}</failure>`,
    );
  }
  const warnings = c.findings.filter((f) => f.level === "warning");
  const out = [...warnings.map(describeFinding), ...(c.status === "passed" ? [] : caseDetails(c, JUNIT_BODY_CHARS))];
  if (out.length > 0) lines.push(`      <system-out>${text(out.join("\n"))}</system-out>`);
  lines.push("    </testcase>");
  return lines;
}

/** A failed case's response body in the JUnit file: more than the console shows, still bounded. */
const JUNIT_BODY_CHARS = 4000;

function countText(findings: Finding[]): string {
  const pact = findings.filter((f) => f.source === "pact").length;
  const schema = findings.filter((f) => f.source === "schema").length;
  const compat = findings.filter((f) => f.source === "compat").length;
  const other = findings.length - pact - schema - compat;
  return [
    pact && `${pact} Pact mismatch(es)`,
    schema && `${schema} schema violation(s)`,
    compat && `${compat} incompatibilit(ies)`,
    other && `${other} other failure(s)`,
  ]
    .filter(Boolean)
    .join(", ");
}

function sources(findings: Finding[]): string {
  return [...new Set(findings.map((f) => f.source))].join(",");
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** XML 1.0 cannot carry most control characters at all, and a CI page shows the rest: written out as \uXXXX. */
const INVALID_XML = /[\ufffe\uffff]/g;

function text(value: string): string {
  return printable(value, { lines: true })
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

function attr(value: string): string {
  return text(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;");
}

export async function writeJUnitReport(file: string, report: Report): Promise<void> {
  await writeFileAtomic(file, toJUnitXml(report));
}
