/**
 * The inline style and script of the HTML report. The "failures only" filter is pure CSS (`:has()`
 * on the checkbox), so it works in a viewer with scripts off; the script only keeps the count of
 * shown interactions in step.
 */
export const HTML_REPORT_CSS = `
:root { --ok: #1a7f37; --ok-bg: #dafbe1; --bad: #cf222e; --bad-bg: #ffebe9; --warn: #9a6700; --warn-bg: #fff8c5;
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
header, .toolbar, main { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 24px; margin: 0 0 6px; }
h2 { font-size: 18px; margin: 0; }
code { font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, monospace; background: var(--panel); padding: 1px 4px; border-radius: 4px; }
.muted { color: var(--muted); }
.verdict { font-size: 14px; padding: 3px 10px; border-radius: 999px; vertical-align: middle; color: #fff; }
.verdict.passed { background: var(--ok); } .verdict.failed { background: var(--bad); }
.summary { margin: 0 0 8px; }
.count { font-weight: 600; margin-right: 6px; }
.count.passed { color: var(--ok); } .count.failed { color: var(--bad); } .count.pending { color: var(--warn); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 12px; font-size: 13px; }
.facts dt { color: var(--muted); } .facts dd { margin: 0; word-break: break-all; }
.toolbar { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding-top: 10px; padding-bottom: 10px; display: flex; gap: 16px; align-items: center; z-index: 1; }
.toolbar label { font-weight: 600; cursor: pointer; }
.suite { margin: 20px 0; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
.suite-count { font-size: 13px; font-weight: 600; margin-left: 8px; }
.suite-count.passed { color: var(--ok); } .suite-count.failed { color: var(--bad); }
.suite > p { margin: 2px 0 8px; font-size: 13px; }
.cases { list-style: none; margin: 0; padding: 0; }
.case { border-top: 1px solid var(--line); padding: 8px 0; }
.case-head { display: flex; gap: 8px; align-items: baseline; }
.case-name { font-weight: 600; }
.mark { width: 1.2em; text-align: center; font-weight: 700; }
.case.passed .mark { color: var(--ok); } .case.failed .mark { color: var(--bad); } .case.pending .mark { color: var(--warn); }
.status-pill { font-size: 12px; padding: 0 8px; border-radius: 999px; font-weight: 600; }
.status-pill.passed { background: var(--ok-bg); color: var(--ok); }
.status-pill.failed { background: var(--bad-bg); color: var(--bad); }
.status-pill.pending { background: var(--warn-bg); color: var(--warn); }
.findings { list-style: none; margin: 6px 0 0 28px; padding: 0; display: grid; gap: 6px; }
.finding { border-left: 4px solid var(--bad); background: var(--bad-bg); padding: 6px 10px; border-radius: 0 6px 6px 0; }
.finding.warning { border-left-color: var(--warn); background: var(--warn-bg); }
.finding .message { margin: 2px 0; }
.finding .values, .finding .muted { font-size: 13px; }
.tag { display: inline-block; font: 12px/1.6 ui-monospace, "DejaVu Sans Mono", monospace; background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 0 6px; margin-right: 4px; }
.path { font-weight: 600; }
body:has(#failures-only:checked) .case:not(.failed),
body:has(#failures-only:checked) .suite[data-failed="0"] { display: none; }
`;

export const HTML_REPORT_SCRIPT = `
(() => {
  const box = document.getElementById("failures-only");
  const out = document.getElementById("shown-count");
  const update = () => {
    const all = document.querySelectorAll(".case").length;
    const failed = document.querySelectorAll(".case.failed").length;
    out.textContent = box.checked ? "showing " + failed + " failing of " + all + " interactions" : "showing all " + all + " interactions";
  };
  box.addEventListener("change", update);
  update();
})();
`;
