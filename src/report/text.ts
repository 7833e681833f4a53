import type { Case, CaseResponse, Finding } from "./model.js";

/**
 * One finding as one line of plain text, the same in the console, JUnit and anywhere else:
 * `pact BodyMismatch $.price: expected 9.99, actual "9.99": Expected ...` or
 * `schema response.body enum: /status must be one of [...] (getOrder, GET /shop/orders/1001)`, or for
 * compat `error response.body.incompatible: /price must be number (getProduct, contracts/shop.yaml:120)`.
 */
export function describeFinding(finding: Finding): string {
  const head = finding.rule
    ? `${finding.level} ${finding.rule}`
    : [finding.source, finding.in, finding.type].filter(Boolean).join(" ");
  // Schema messages already start with their pointer ("/price must be number"): say it once.
  const where = finding.path && !finding.message.startsWith(finding.path) ? ` ${finding.path}` : "";
  // Pact's own message often says both values already ("expected 200 but was 500"): say them once.
  const said =
    finding.expected !== undefined &&
    finding.actual !== undefined &&
    finding.message.includes(finding.expected) &&
    finding.message.includes(finding.actual);
  const values =
    !said && (finding.expected !== undefined || finding.actual !== undefined)
      ? `: expected ${finding.expected ?? "(nothing)"}, actual ${finding.actual ?? "(nothing)"}`
      : "";
  const place =
    finding.contractPlace &&
    `${finding.contractPlace.file}${finding.contractPlace.line ? `:${finding.contractPlace.line}` : ` ${finding.contractPlace.pointer}`}`;
  const about = [finding.operationId, finding.request, place].filter(Boolean).join(", ");
  return `${head}${where}${values}: ${finding.message}${about ? ` (${about})` : ""}`;
}

/** How much of a response body a console line shows (the JSON and JUnit reports carry more). */
const SHOWN_BODY_CHARS = 300;

/**
 * What a failed or pending case tells beside its findings, one line each: the provider states it was
 * given, the pact's comments and test name, and the response the provider gave.
 */
export function caseDetails(c: Case, bodyChars = SHOWN_BODY_CHARS): string[] {
  const lines: string[] = [];
  if (c.states?.length) lines.push(`given ${c.states.map((s) => JSON.stringify(s)).join(" and ")}`);
  if (c.testName) lines.push(`test: ${c.testName}`);
  for (const comment of c.comments ?? []) lines.push(`comment: ${comment}`);
  if (c.response) lines.push(responseLine(c.response, bodyChars));
  return lines;
}

function responseLine(response: CaseResponse, bodyChars: number): string {
  const type = [response.headers["content-type"]].flat()[0];
  const shown = response.body.length > bodyChars ? `${response.body.slice(0, bodyChars)}...` : response.body;
  const cut =
    response.truncated || response.body.length > bodyChars
      ? ` (first ${Math.min(bodyChars, response.body.length)} of ${response.bytes} bytes)`
      : "";
  return `response ${response.status}${type ? ` ${type}` : ""}${response.bytes > 0 ? `: ${shown.replace(/\s*\n\s*/g, " ")}${cut}` : ", no body"}`;
}
