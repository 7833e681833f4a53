import type { JournalEntry } from "./admin-api.js";
import { byId, h, replace } from "./dom.js";

/** What a journal row's source may be: who answered it (the request log's names), or the proxy. */
const SOURCES = ["example", "fake", "override", "stub", "state", "rejected", "proxy"];

/** Wires the filter bar; `onChange` redraws the journal with the new filters. */
export function startFilters(onChange: () => void): void {
  replace(
    byId("filter-source"),
    h("option", { value: "" }, "any source"),
    ...SOURCES.map((s) => h("option", { value: s }, s)),
  );
  for (const id of ["filter-status", "filter-operation", "filter-source"]) byId(id).addEventListener("input", onChange);
}

/** Adds the operations of `entries` to the operation filter's choices, keeping the one chosen. */
export function offerOperations(entries: JournalEntry[]): void {
  const select = byId<HTMLSelectElement>("filter-operation");
  const known = new Set([...select.options].map((o) => o.value));
  for (const id of new Set(entries.map((e) => e.operationId ?? "").filter(Boolean)))
    if (!known.has(id)) select.append(h("option", { value: id }, id));
}

/** The filters as set now: a status class (`4xx`) or an exact status (`404`), an operationId, a source. */
export function acceptsEntry(): (entry: JournalEntry) => boolean {
  const status = byId<HTMLInputElement>("filter-status").value.trim().toLowerCase();
  const operation = byId<HTMLSelectElement>("filter-operation").value;
  const source = byId<HTMLSelectElement>("filter-source").value;
  return (entry) =>
    statusFits(status, entry.status) &&
    (!operation || entry.operationId === operation) &&
    (!source || entry.source === source);
}

/** `2xx` takes 200 to 299; `404` takes 404 only; anything else (a half-typed value) takes every row. */
function statusFits(wanted: string, status: number | undefined): boolean {
  if (/^[1-5]xx$/.test(wanted)) return status !== undefined && Math.floor(status / 100) === Number(wanted[0]);
  if (/^[1-5]\d\d$/.test(wanted)) return status === Number(wanted);
  return true;
}

/** A key of the filters, so the journal redraws when they change even if no request came. */
export function filtersKey(): string {
  return ["filter-status", "filter-operation", "filter-source"]
    .map((id) => byId<HTMLInputElement>(id).value)
    .join("\u0000");
}
