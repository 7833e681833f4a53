import type { Finding } from "./model.js";

/**
 * One finding as one line of plain text, the same in the console, JUnit and anywhere else:
 * `pact BodyMismatch $.price: expected 9.99, actual "9.99": Expected ...` or
 * `schema response.body enum: /status must be one of [...] (getOrder, GET /shop/orders/1001)`, or for
 * compat `error response.body.incompatible: /price must be number (getProduct, contracts/shop.yaml:120)`.
 */
export function describeFinding(finding: Finding): string {
  const head = finding.rule ? `${finding.level} ${finding.rule}` : [finding.source, finding.in, finding.type].filter(Boolean).join(" ");
  // Schema messages already start with their pointer ("/price must be number"): say it once.
  const where = finding.path && !finding.message.startsWith(finding.path) ? ` ${finding.path}` : "";
  const values = finding.expected !== undefined || finding.actual !== undefined ? `: expected ${finding.expected ?? "(nothing)"}, actual ${finding.actual ?? "(nothing)"}` : "";
  const place = finding.contractPlace && `${finding.contractPlace.file}${finding.contractPlace.line ? `:${finding.contractPlace.line}` : ` ${finding.contractPlace.pointer}`}`;
  const about = [finding.operationId, finding.request, place].filter(Boolean).join(", ");
  return `${head}${where}${values}: ${finding.message}${about ? ` (${about})` : ""}`;
}
