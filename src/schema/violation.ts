/** Validation failures are data; the mock maps them to HTTP in one place (mock/problem.ts). */
export type ViolationLocation =
  "path" | "query" | "header" | "cookie" | "body" | "response.status" | "response.header" | "response.body";

export interface Violation {
  in: ViolationLocation;
  /** A JSON pointer into the body (`/items/0/price`) or a parameter name (`limit`). */
  where: string;
  /** The JSON Schema keyword that failed (`type`, `required`, ...) or a mockpact keyword (`parse`). */
  keyword: string;
  message: string;
}
