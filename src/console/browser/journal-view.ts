import { clearJournal, fetchJournal, type Finding, type JournalEntry } from "./admin-api.js";
import { byId, h, methodBadge, replace, statusClass } from "./dom.js";
import { exchangeView } from "./exchange-view.js";
import { acceptsEntry, filtersKey, offerOperations, startFilters } from "./journal-filters.js";

/**
 * Polled, not pushed: the journal endpoint is all the console needs, and polling stays bounded. Each
 * poll also says the state's revision, so the State panel follows requests and scenario moves.
 */
const POLL_MS = 750;
/** After a failed poll the interval doubles up to this, so a stopped server is not hammered. */
const MAX_BACKOFF_MS = 10_000;
/** Rows asked for and drawn: the server keeps up to 1,000, but a poll need not carry them all. */
const MAX_ROWS = 200;

export function startJournal(onStateChange: () => void): void {
  stateChanged = onStateChange;
  byId("clear-journal").addEventListener("click", () => void clearJournal().then(refreshNow));
  startFilters(() => lastJournal && draw(lastJournal));
  schedule(0);
}

let timer: ReturnType<typeof setTimeout> | undefined;
let backoff = POLL_MS;
let lastDrawn = "";
let lastJournal: { entries: JournalEntry[]; total: number } | undefined;
let lastRevision: number | undefined;
let stateChanged = () => {};
/** The rows opened by the reader, by seq: they stay open as new requests come in. */
const opened = new Set<string>();

function schedule(delay: number): void {
  clearTimeout(timer);
  timer = setTimeout(() => void poll(), delay);
}

/** Draws the journal at once (after the console itself changed it), then polling goes on. */
export function refreshNow(): void {
  schedule(0);
}

async function poll(): Promise<void> {
  try {
    if (!document.hidden) {
      const journal = await fetchJournal(MAX_ROWS);
      draw(journal);
      if (journal.stateRevision !== undefined && journal.stateRevision !== lastRevision) {
        if (lastRevision !== undefined) stateChanged();
        lastRevision = journal.stateRevision;
      }
    }
    backoff = POLL_MS;
    setLive(true);
  } catch {
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    setLive(false);
  }
  schedule(backoff);
}

function setLive(live: boolean): void {
  const badge = byId("live");
  badge.textContent = live ? "live" : "server unreachable";
  badge.className = live ? "live on" : "live off";
}

function draw(journal: { entries: JournalEntry[]; total: number }): void {
  lastJournal = journal;
  const all = newestFirst(journal.entries).slice(0, MAX_ROWS);
  offerOperations(all);
  const rows = all.filter(acceptsEntry());
  const key = JSON.stringify([journal.total, rows.map((r) => r.id), filtersKey(), [...opened]]);
  if (key === lastDrawn) return; // unchanged: keep the DOM (and the reader's selection) as it is
  lastDrawn = key;
  const shown = rows.length < all.length ? `${rows.length} shown of ` : "";
  byId("journal-count").textContent =
    journal.total > all.length
      ? `${shown}newest ${all.length} of ${journal.total} request(s)`
      : `${shown}${all.length} request(s)`;
  const list = byId("journal");
  if (all.length === 0)
    replace(list, h("li", { class: "empty" }, 'No requests yet. Send one to the mock, or use "try it".'));
  else if (rows.length === 0) replace(list, h("li", { class: "empty" }, "No request fits the filters."));
  else replace(list, ...rows.map(entryRow));
}

function toggle(entry: JournalEntry): void {
  if (!opened.delete(entry.id)) opened.add(entry.id);
  if (lastJournal) draw(lastJournal);
}

/** By the server's running number, so the newest is on top whatever order the list came in. */
function newestFirst(entries: JournalEntry[]): JournalEntry[] {
  return [...entries].sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
}

/** A row opens (click, Enter or Space on its head line) to the request and the response. */
function entryRow(entry: JournalEntry): HTMLElement {
  const invalid = entry.findings.length > 0;
  const open = opened.has(entry.id);
  const onkeydown = (event: Event) => {
    const key = (event as KeyboardEvent).key;
    if (key !== "Enter" && key !== " ") return;
    event.preventDefault();
    toggle(entry);
  };
  return h(
    "li",
    {
      class: `entry${invalid ? " invalid" : ""}${open ? " open" : ""}`,
      "data-status": entry.status ?? "",
      "data-url": entry.url,
      "data-seq": entry.id,
      "data-source": entry.source ?? "",
    },
    h(
      "div",
      {
        class: "entry-head",
        role: "button",
        tabindex: 0,
        "aria-expanded": String(open),
        onclick: () => toggle(entry),
        onkeydown,
      },
      ...spaced([
        h("span", { class: statusClass(entry.status) }, entry.status ?? "…"),
        methodBadge(entry.method),
        h("code", { class: "url" }, entry.url),
        h("span", { class: "operation" }, entry.operationId ?? "no operation"),
        entry.answeredBy
          ? h(
              "span",
              { class: "answered-by", title: entry.source ? `source: ${entry.source}` : undefined },
              entry.answeredBy,
            )
          : null,
        ...entry.notes.map((note) => h("span", { class: "note" }, note)),
        h("span", { class: "time" }, timeOf(entry)),
      ]),
    ),
    invalid ? h("ul", { class: "findings" }, ...entry.findings.map(findingRow)) : null,
    open ? exchangeView(entry) : null,
  );
}

/** Parts are separated by spaces, so the row also reads (and copies) as one line of text. */
function findingRow(finding: Finding): HTMLElement {
  const parts = [
    finding.in ? h("span", { class: "tag" }, finding.in) : null,
    finding.where ? h("code", { class: "where" }, finding.where) : null,
    finding.keyword ? h("span", { class: "tag keyword" }, finding.keyword) : null,
    h("span", { class: "message" }, finding.message),
  ];
  return h("li", { class: "finding" }, ...spaced(parts));
}

function spaced(parts: Array<HTMLElement | null>): Array<HTMLElement | string> {
  return parts.filter((p): p is HTMLElement => p !== null).flatMap((p, i) => (i === 0 ? [p] : [" ", p]));
}

function timeOf(entry: JournalEntry): string {
  const time = entry.time ? new Date(entry.time).toLocaleTimeString([], { hour12: false }) : "";
  return entry.durationMs !== undefined ? `${time} · ${Math.round(entry.durationMs)} ms` : time;
}
