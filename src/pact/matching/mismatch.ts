/** Why an actual request (or response) does not match what an interaction expects: one per difference. */
export interface Mismatch {
  part: "method" | "path" | "query" | "header" | "body" | "status";
  /** The path of the value (`$.items[0].price`), or the header or query parameter name. */
  where: string;
  message: string;
}

export function describeMismatch(m: Mismatch): string {
  return m.where && m.where !== "$" ? `${m.part} ${m.where}: ${m.message}` : `${m.part}: ${m.message}`;
}
