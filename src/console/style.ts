/** The console's style: system fonts, status colours, readable at laptop size and in a screenshot. */
export const CONSOLE_CSS = `
:root { --ok: #1a7f37; --ok-bg: #dafbe1; --bad: #cf222e; --bad-bg: #ffebe9; --warn: #9a6700; --warn-bg: #fff8c5;
  --info: #0969da; --info-bg: #ddf4ff; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: var(--panel); }
code, pre, textarea, input.try-path { font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, monospace; }
.muted { color: var(--muted); font-weight: normal; }
.error { color: var(--bad); }
button { font: inherit; font-size: 13px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
button:hover { background: var(--panel); }
.top { display: flex; align-items: center; gap: 14px; padding: 10px 20px; background: #24292f; color: #fff; }
.top h1 { font-size: 18px; margin: 0; } .top .muted { color: #afb8c1; }
.spacer { flex: 1; }
.live { font-size: 12px; padding: 1px 8px; border-radius: 999px; background: #57606a; }
.live.on { background: var(--ok); } .live.off { background: var(--bad); }
.panels { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; padding: 16px 20px; align-items: start; }
.journal-panel { position: sticky; top: 16px; max-height: calc(100vh - 32px); overflow: auto; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; min-width: 0; }
.panel h2 { font-size: 16px; margin: 4px 0 10px; display: flex; gap: 10px; align-items: baseline; }
.panel h2 button { margin-left: auto; }
.legend { font-size: 12px; }
.contract h3 { font-size: 15px; margin: 10px 0 4px; }
.contract h3 .muted { font-size: 12px; }
.operations, .journal, .findings, .scenarios { list-style: none; margin: 0; padding: 0; }
.operation { border-top: 1px solid var(--line); }
.operation summary { display: grid; grid-template-columns: auto minmax(0, 1fr) auto auto; align-items: baseline; gap: 8px; padding: 5px 2px; cursor: pointer; list-style: none; }
.op-text { min-width: 0; }
.op-text > * { margin-right: 8px; }
.operation summary::-webkit-details-marker { display: none; }
.operation[open] summary { background: var(--panel); }
.path { font-weight: 600; overflow-wrap: anywhere; }
.summary-text { color: var(--ink); }
.op-id { color: var(--muted); font-size: 12px; }
.responses { display: inline-flex; flex-wrap: wrap; justify-content: end; gap: 3px; }
.chip { font: 11px/1.5 ui-monospace, "DejaVu Sans Mono", monospace; padding: 0 5px; border-radius: 4px; border: 1px solid var(--line); color: var(--muted); }
.chip.example { border-color: #8fc79a; color: var(--ok); background: var(--ok-bg); }
.try-label { font-size: 12px; color: var(--info); }
.method { display: inline-block; min-width: 52px; text-align: center; font: 600 11px/1.7 ui-monospace, "DejaVu Sans Mono", monospace; border-radius: 4px; color: #fff; background: #57606a; }
.m-get { background: #0969da; } .m-post { background: #1a7f37; } .m-put { background: #9a6700; } .m-patch { background: #8250df; } .m-delete { background: #cf222e; }
.try-it { display: grid; gap: 6px; padding: 8px 4px 12px; }
.try-it label { display: grid; gap: 2px; font-size: 12px; color: var(--muted); }
.try-it input, .try-it textarea { width: 100%; padding: 4px 6px; border: 1px solid var(--line); border-radius: 6px; color: var(--ink); }
.try-it .send { justify-self: start; background: var(--info); color: #fff; border-color: var(--info); }
.try-response .response-head { margin-top: 4px; }
.try-response .response-head > div { margin-top: 2px; }
.try-response .status { font-size: 14px; min-width: 48px; }
.response-body, .store { background: var(--panel); padding: 8px; border-radius: 6px; max-height: 260px; overflow: auto; margin: 4px 0 0; white-space: pre-wrap; word-break: break-word; }
.status { display: inline-block; min-width: 40px; text-align: center; font: 700 12px/1.7 ui-monospace, "DejaVu Sans Mono", monospace; border-radius: 4px; }
.s2xx { background: var(--ok-bg); color: var(--ok); } .s3xx { background: var(--info-bg); color: var(--info); }
.s4xx { background: var(--warn-bg); color: var(--warn); } .s5xx, .s0xx { background: var(--bad-bg); color: var(--bad); }
.journal { max-height: 55vh; overflow: auto; }
.entry { border-top: 1px solid var(--line); padding: 6px 2px; }
.entry.invalid { background: #fffafa; }
.entry-head { display: flex; align-items: baseline; gap: 8px; min-width: 0; }
.entry .url { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
.entry .operation { color: var(--muted); font-size: 12px; border: 0; }
.answered-by { font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; white-space: nowrap; }
.note { font-size: 11px; color: var(--muted); font-style: italic; }
.entry .time { margin-left: auto; color: var(--muted); font-size: 12px; white-space: nowrap; }
.entry .findings { margin: 4px 0 2px 48px; display: grid; gap: 3px; }
.finding { border-left: 3px solid var(--bad); background: var(--bad-bg); padding: 2px 8px; border-radius: 0 4px 4px 0; font-size: 13px; }
.finding .where { font-weight: 600; margin-right: 6px; background: transparent; }
.tag { display: inline-block; font: 11px/1.5 ui-monospace, "DejaVu Sans Mono", monospace; background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; margin-right: 6px; }
.empty { color: var(--muted); padding: 8px 2px; }
.resource { padding: 3px 0; }
.scenarios li { padding: 3px 0; } .scenarios select { margin-left: 6px; font: inherit; }
.journal-panel h3 { font-size: 14px; margin: 10px 0 4px; }
.entry-head { cursor: pointer; } .entry-head:focus-visible { outline: 2px solid var(--info); outline-offset: 1px; }
.entry.open > .entry-head { background: var(--panel); }
.exchange { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 10px; margin: 6px 0 4px 48px; }
.exchange-part h4 { margin: 2px 0 4px; font-size: 13px; display: flex; gap: 8px; align-items: center; }
.exchange .headers { list-style: none; margin: 0 0 4px; padding: 0; font-size: 12px; overflow-wrap: anywhere; }
.exchange .body { background: var(--panel); padding: 6px 8px; border-radius: 6px; max-height: 240px; overflow: auto; margin: 0; white-space: pre-wrap; word-break: break-word; font-size: 12px; }
.truncated { font-size: 12px; color: var(--warn); margin: 2px 0; }
.copy-curl { font-size: 11px; padding: 1px 8px; }
.filters { display: flex; flex-wrap: wrap; gap: 12px; font-size: 12px; color: var(--muted); margin-bottom: 6px; }
.filters input, .filters select { font: inherit; font-size: 12px; margin-left: 4px; }
.overrides { list-style: none; margin: 0; padding: 0; } .overrides li { padding: 2px 0; }
@media (max-width: 900px) { .panels { grid-template-columns: 1fr; } }
`;
