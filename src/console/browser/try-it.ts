import type { ConsoleOperation } from "./admin-api.js";
import { h, replace, statusClass } from "./dom.js";

/**
 * The "try it" form of one operation: a request built from the contract (path with example values,
 * headers the operation needs, the example body), editable, sent from the page to the mock itself.
 */
export function tryItForm(operation: ConsoleOperation, onSent: () => void): HTMLElement {
  const path = h("input", {
    class: "try-path",
    value: operation.sample?.path ?? operation.path,
    "aria-label": "path and query",
  });
  const headers = h("textarea", { class: "try-headers", rows: 2, "aria-label": "headers, one per line" });
  headers.value = headerLines(operation);
  const body = h("textarea", { class: "try-body", rows: 5, "aria-label": "request body" });
  body.value = bodyText(operation);
  const output = h("div", { class: "try-response" });
  const submit = async (event: Event) => {
    event.preventDefault();
    replace(output, h("p", { class: "muted" }, "sending…"));
    replace(
      output,
      ...(await sendRequest(
        operation.method,
        path.value,
        headers.value,
        hasBody(operation.method) ? body.value : undefined,
      )),
    );
    onSent();
  };
  return h(
    "form",
    { class: "try-it", onsubmit: (e) => void submit(e) },
    h("label", {}, "Path", path),
    h("label", {}, "Headers", headers),
    hasBody(operation.method) ? h("label", {}, "Body", body) : null,
    h("button", { type: "submit", class: "send" }, `Send ${operation.method}`),
    output,
  );
}

function hasBody(method: string): boolean {
  return !["GET", "HEAD", "DELETE", "OPTIONS"].includes(method);
}

function headerLines(operation: ConsoleOperation): string {
  const headers: Record<string, string> = { ...(operation.sample?.headers ?? {}) };
  if (hasBody(operation.method) && !Object.keys(headers).some((n) => n.toLowerCase() === "content-type"))
    headers["Content-Type"] = operation.sample?.mediaType ?? "application/json";
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n");
}

function bodyText(operation: ConsoleOperation): string {
  const body = operation.sample?.body;
  if (body === undefined) return "";
  return typeof body === "string" ? body : JSON.stringify(body, null, 2);
}

function parseHeaders(lines: string): Headers {
  const headers = new Headers();
  for (const line of lines.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

async function sendRequest(
  method: string,
  path: string,
  headerText: string,
  body: string | undefined,
): Promise<HTMLElement[]> {
  try {
    const response = await fetch(new URL(path, window.location.origin), {
      method,
      headers: parseHeaders(headerText),
      body: body || undefined,
      cache: "no-store",
    });
    return [responseHead(response), h("pre", { class: "response-body" }, prettyBody(await response.text()))];
  } catch (error) {
    return [h("p", { class: "error" }, `The request failed: ${(error as Error).message}`)];
  }
}

function responseHead(response: Response): HTMLElement {
  const interesting = ["content-type", "location", "mockpact-violations", "www-authenticate"];
  const shown = interesting
    .filter((name) => response.headers.has(name))
    .map((name) => h("div", {}, h("code", {}, `${name}: ${response.headers.get(name)}`)));
  return h(
    "div",
    { class: "response-head" },
    h("span", { class: statusClass(response.status) }, response.status),
    " ",
    response.statusText,
    ...shown,
  );
}

function prettyBody(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
