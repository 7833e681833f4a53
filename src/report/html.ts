import { printable } from "../redact.js";
import { caseDetails } from "./text.js";
import type { Case, Finding, Report, Suite } from "./model.js";
import { HTML_REPORT_CSS, HTML_REPORT_SCRIPT } from "./html-assets.js";
import { writeFileAtomic } from "./write-file.js";

/**
 * The HTML report (`--html FILE`) of any checking command: one self-contained page (inline CSS and
 * script, nothing fetched), rendered from the same `Report` as `--json`. The page is complete as
 * HTML, so it reads with scripts off; the script only adds the "failures only" filter. The full
 * JSON is embedded too, so the file is also the machine-readable result.
 */
export function toHtml(report: Report): string {
  const verdict = report.ok ? "passed" : "failed";
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(report.title)}: ${verdict}</title>`,
    `<style>${HTML_REPORT_CSS}</style></head>`,
    `<body class="verdict-${verdict}">`,
    headerHtml(report),
    toolbarHtml(report),
    `<main>${report.suites.map(suiteHtml).join("\n")}</main>`,
    `<script type="application/json" id="report-data">${jsonForScript(report)}</script>`,
    `<script>${HTML_REPORT_SCRIPT}</script>`,
    "</body></html>",
    "",
  ].join("\n");
}

export async function writeHtmlReport(file: string, report: Report): Promise<void> {
  await writeFileAtomic(file, toHtml(report));
}

function headerHtml(report: Report): string {
  const s = report.summary;
  const counts = [
    `<span class="count passed">${s.passed} passed</span>`,
    `<span class="count failed">${s.failed} failed</span>`,
    ...(s.pending ? [`<span class="count pending">${s.pending} pending</span>`] : []),
    ...(s.warnings ? [`<span class="count pending">${s.warnings} warning(s)</span>`] : []),
  ];
  const bySource = Object.entries(s.bySource)
    .filter(([, n]) => n > 0)
    .map(([source, n]) => `${n} ${source}`);
  return `<header>
<h1>${esc(report.title)} <span class="verdict ${report.ok ? "passed" : "failed"}">${report.ok ? "PASSED" : "FAILED"}</span></h1>
<p class="summary">${s.cases} interaction(s) in ${s.suites} suite(s): ${counts.join(" ")}
${bySource.length ? `<span class="muted">· failing findings: ${esc(bySource.join(", "))}</span>` : ""}
<span class="muted">· took ${(report.durationMs / 1000).toFixed(1)} s</span></p>
${factsHtml(report)}
</header>`;
}

/** Whatever a command adds to the report (provider URL, contracts, pacts) as a small fact list. */
function factsHtml(report: Report): string {
  const known = new Set(["title", "ok", "durationMs", "suites", "summary"]);
  const rows: string[] = [];
  for (const [name, value] of Object.entries(report)) {
    if (known.has(name)) continue;
    const text = factText(value);
    if (text) rows.push(`<dt>${esc(name)}</dt><dd>${esc(text)}</dd>`);
  }
  return rows.length ? `<dl class="facts">${rows.join("")}</dl>` : "";
}

function factText(value: unknown): string | undefined {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string")) return value.join(", ");
  return undefined;
}

function toolbarHtml(report: Report): string {
  const checked = report.ok ? "" : " checked";
  return `<nav class="toolbar"><label><input type="checkbox" id="failures-only"${checked}> Show failures only</label>
<span class="muted" id="shown-count"></span></nav>`;
}

function suiteHtml(suite: Suite): string {
  const failed = suite.cases.filter((c) => c.status === "failed").length;
  const facts = [
    ...Object.entries(suite.properties).map(([k, v]) => `${k} ${v}`),
    ...(suite.source ? [suite.source] : []),
  ];
  return `<section class="suite" data-failed="${failed}">
<h2>${esc(suite.name)} <span class="suite-count ${failed ? "failed" : "passed"}">${failed ? `${failed} failed` : "all passed"} of ${suite.cases.length}</span></h2>
<p class="muted">${esc(facts.join(" · "))}</p>
<ol class="cases">${suite.cases.map(caseHtml).join("\n")}</ol>
</section>`;
}

const MARKS: Record<Case["status"], string> = { passed: "✓", failed: "✗", pending: "○" };

function caseHtml(c: Case): string {
  const duration = c.durationMs !== undefined ? `<span class="muted">${Math.round(c.durationMs)} ms</span>` : "";
  const findings = c.findings.length ? `<ul class="findings">${c.findings.map(findingHtml).join("")}</ul>` : "";
  const details = c.status === "passed" ? [] : caseDetails(c, 2000);
  const detailList = details.length
    ? `<ul class="findings">${details.map((d) => `<li class="muted">${esc(d)}</li>`).join("")}</ul>`
    : "";
  return `<li class="case ${c.status}" data-status="${c.status}">
<div class="case-head"><span class="mark">${MARKS[c.status]}</span> <span class="case-name">${esc(c.name)}</span> <span class="status-pill ${c.status}">${c.status}</span> ${duration}</div>
${findings}${detailList}</li>`;
}

/** One finding: who found it and where first (the part a reader scans for), then the message. */
function findingHtml(f: Finding): string {
  const labels = f.rule ? [f.source, f.level, f.rule] : [f.source, f.in, f.type];
  const tags = labels
    .filter((t): t is string => Boolean(t))
    .map((t) => `<span class="tag">${esc(t)}</span>`)
    .join("");
  const where = f.path ? ` <code class="path">${esc(f.path)}</code>` : "";
  const values =
    f.expected !== undefined || f.actual !== undefined
      ? `<div class="values">expected <code>${esc(f.expected ?? "(nothing)")}</code> actual <code>${esc(f.actual ?? "(nothing)")}</code></div>`
      : "";
  const about = [f.operationId, f.request, contractPlaceText(f), f.pactPointer && `pact ${f.pactPointer}`]
    .filter(Boolean)
    .join(" · ");
  return `<li class="finding ${f.level}" data-source="${esc(f.source)}">
<div>${tags}${where}</div><div class="message">${esc(f.message)}</div>${values}${about ? `<div class="muted">${esc(about)}</div>` : ""}</li>`;
}

/** compat's place in the contract: `contracts/shop.yaml:120`, or the pointer where no line is known. */
function contractPlaceText(f: Finding): string | undefined {
  const place = f.contractPlace;
  return place && `${place.file}${place.line ? `:${place.line}` : ` ${place.pointer}`}`;
}

function esc(text: string): string {
  return printable(text, { lines: true })
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** JSON inside <script>: `</script>` and `<!--` in a value must not end or confuse the element. */
function jsonForScript(value: unknown): string {
  return printable(JSON.stringify(value).replace(/</g, "\\u003c"));
}
