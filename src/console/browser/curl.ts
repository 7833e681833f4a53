import type { JournalEntry } from "./admin-api.js";

/** Headers curl sets itself, or that describe one connection rather than the request. */
const LEFT_OUT = new Set(["host", "content-length", "connection", "accept-encoding", "transfer-encoding"]);

/**
 * A curl command line that sends the journal's request again to `origin`: method, URL, headers and
 * body as the journal has them, so a credential stays `[redacted]` (put the real one back) and a body
 * longer than the journal keeps is sent cut.
 */
export function curlCommand(entry: JournalEntry, origin: string): string {
  const parts = ["curl"];
  if (entry.method === "HEAD") parts.push("--head");
  else if (entry.method !== "GET" || entry.body !== undefined) parts.push("-X", entry.method);
  parts.push(quoted(new URL(entry.url, origin).href));
  for (const [name, value] of Object.entries(entry.headers))
    if (!LEFT_OUT.has(name.toLowerCase())) parts.push("-H", quoted(`${name}: ${value}`));
  if (entry.body !== undefined) parts.push("--data-raw", quoted(entry.body));
  return parts.join(" ");
}

/** POSIX shell single quotes: nothing inside is expanded; a quote itself is closed, escaped and reopened. */
function quoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
