import type { JournalEntry } from "./admin-api.js";
import { curlCommand } from "./curl.js";
import { h, statusClass } from "./dom.js";

/** Past this, a body is shown cut (the journal itself keeps at most 64 KiB of each). */
const SHOWN_BODY_CHARS = 64 * 1024;

/** An opened journal row: the request and the response as the journal kept them, and "copy as curl". */
export function exchangeView(entry: JournalEntry): HTMLElement {
  const response = entry.response;
  return h(
    "div",
    { class: "exchange" },
    h(
      "section",
      { class: "exchange-part request-part" },
      h("h4", {}, "Request ", copyButton(entry)),
      h("div", {}, h("code", { class: "request-line" }, `${entry.method} ${entry.url}`)),
      headerList(entry.headers),
      bodyBlock(entry.body, entry.bodyLength, "request-body"),
    ),
    h(
      "section",
      { class: "exchange-part response-part" },
      h("h4", {}, "Response ", h("span", { class: statusClass(entry.status) }, entry.status ?? "…")),
      response
        ? headerList(response.headers)
        : h("p", { class: "muted" }, "This journal keeps no response for this exchange."),
      response ? bodyBlock(response.body, response.bodyLength, "response-body") : null,
    ),
  );
}

function headerList(headers: Record<string, string>): HTMLElement {
  const names = Object.keys(headers).sort();
  if (names.length === 0) return h("p", { class: "muted" }, "No headers.");
  return h("ul", { class: "headers" }, ...names.map((name) => h("li", {}, h("code", {}, `${name}: ${headers[name]}`))));
}

/** The body, pretty when it is JSON, with a note when the journal or the page shows only its start. */
function bodyBlock(body: string | undefined, fullBytes: number | undefined, className: string): HTMLElement {
  if (body === undefined) return h("p", { class: "muted" }, "No body.");
  const shown = body.length > SHOWN_BODY_CHARS ? body.slice(0, SHOWN_BODY_CHARS) : body;
  const keptBytes = new TextEncoder().encode(shown).length;
  const total = fullBytes ?? (shown === body ? undefined : new TextEncoder().encode(body).length);
  return h(
    "div",
    {},
    h("pre", { class: `body ${className}` }, total === undefined ? pretty(shown) : shown),
    total !== undefined ? h("p", { class: "truncated" }, `truncated: ${keptBytes} bytes of ${total}`) : null,
  );
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function copyButton(entry: JournalEntry): HTMLElement {
  const command = curlCommand(entry, window.location.origin);
  const title =
    "Copies a curl command that sends this request again. Credentials stay [redacted] as the journal keeps them: put the real ones back.";
  const button = h("button", { type: "button", class: "copy-curl", title, "data-curl": command }, "Copy as curl");
  button.addEventListener("click", (event) => {
    event.stopPropagation();
    void copyText(command).then((copied) => (button.textContent = copied ? "Copied" : "Copy failed: see the title"));
  });
  return button;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no clipboard permission (an http: page that is not localhost): the command is in data-curl
  }
}
