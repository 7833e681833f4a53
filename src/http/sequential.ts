import { utf8Text } from "./bytes.js";
import type { SchemaRef } from "../contract/model.js";
import type { SchemaRegistry } from "../schema/registry.js";
import type { Violation } from "../schema/violation.js";
import { parseJsonText } from "./body.js";
import { parseMediaType } from "./media-type.js";

/**
 * Sequential media types (OpenAPI 3.2 `itemSchema`): a body that is a sequence of items, each
 * described by the item schema. JSON Lines and NDJSON (one JSON text a line), JSON Text Sequences
 * (RFC 7464: each item after a record separator) and Server-Sent Events (each item an event).
 */
export type SequenceKind = "lines" | "json-seq" | "event-stream";

const KINDS: Record<string, SequenceKind> = {
  "application/jsonl": "lines",
  "application/x-ndjson": "lines",
  "application/x-jsonlines": "lines",
  "application/json-seq": "json-seq",
  "text/event-stream": "event-stream",
};

const RECORD_SEPARATOR = "\u001e";

export function sequenceKindOf(mediaKey: string | undefined): SequenceKind | undefined {
  const media = parseMediaType(mediaKey);
  return media ? KINDS[media.essence] : undefined;
}

/** The items as the body of their media type: one JSON text a line, RS-prefixed records, or SSE events. */
export function serialiseSequence(kind: SequenceKind, items: unknown[]): string {
  if (kind === "lines") return items.map((item) => `${JSON.stringify(item)}\n`).join("");
  if (kind === "json-seq") return items.map((item) => `${RECORD_SEPARATOR}${JSON.stringify(item)}\n`).join("");
  return items.map(eventText).join("");
}

/**
 * One Server-Sent Event. 3.2's item schema of `text/event-stream` describes the event's fields
 * (`event`, `data`, `id`, `retry`); an item that is not such an object is sent as its data.
 */
function eventText(item: unknown): string {
  const fields =
    typeof item === "object" && item !== null && !Array.isArray(item)
      ? (item as Record<string, unknown>)
      : { data: item };
  let text = "";
  for (const name of ["event", "id", "retry"])
    if (fields[name] !== undefined) text += `${name}: ${oneLine(fields[name])}\n`;
  const data =
    fields.data === undefined ? "" : typeof fields.data === "string" ? fields.data : JSON.stringify(fields.data);
  for (const line of data.split("\n")) text += `data: ${line}\n`;
  return `${text}\n`;
}

function oneLine(value: unknown): string {
  return String(value).replace(/[\r\n]+/g, " ");
}

/**
 * The items of a request body of a JSON sequence kind, each parsed (bounded in depth), or the
 * violation of the first item that does not parse. Server-Sent Events are a response format: a
 * request of that kind is read as lines of text.
 */
export function parseSequence(
  kind: SequenceKind,
  text: string,
  maxDepth: number,
): { items: unknown[] } | { violation: Violation } {
  const records = kind === "json-seq" ? text.split(RECORD_SEPARATOR) : text.split(/\r?\n/);
  const items: unknown[] = [];
  for (const record of records) {
    if (record.trim() === "") continue;
    if (kind === "event-stream") {
      items.push(record);
      continue;
    }
    const parsed = parseJsonText(record, maxDepth);
    if (!parsed.ok)
      return {
        violation: {
          in: "body",
          where: `/${items.length}`,
          keyword: parsed.keyword,
          message: `item ${items.length} of the body ${parsed.reason}`,
        },
      };
    items.push(parsed.value);
  }
  return { items };
}

/** A sequential request body: every item parsed and checked against the item schema, violations pointing at `/<index>`. */
export function checkSequence(
  registry: SchemaRegistry,
  itemSchema: SchemaRef,
  kind: SequenceKind,
  raw: Uint8Array,
  maxDepth: number,
): { violations: Violation[]; unreadable: boolean } {
  const parsed = parseSequence(kind, utf8Text(raw), maxDepth);
  if ("violation" in parsed) return { violations: [parsed.violation], unreadable: true };
  const violations = parsed.items.flatMap((item, i) =>
    registry
      .validate(itemSchema, item, { direction: "request", in: "body" })
      .map((v) => ({ ...v, where: `/${i}${v.where}` })),
  );
  return { violations, unreadable: false };
}
