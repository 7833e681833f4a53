import type { MatchingRule } from "./rules.js";

/** V4's `statusCode` matcher: a class of statuses by name, or a list of codes. */
const CLASSES: Record<string, (status: number) => boolean> = {
  information: (s) => s >= 100 && s < 200,
  success: (s) => s >= 200 && s < 300,
  redirect: (s) => s >= 300 && s < 400,
  clientError: (s) => s >= 400 && s < 500,
  serverError: (s) => s >= 500 && s < 600,
  nonError: (s) => s < 400,
  error: (s) => s >= 400,
};

export function checkStatusClass(rule: MatchingRule, actual: unknown): string | undefined {
  const status = Number(actual);
  const wanted = rule.status;
  if (Array.isArray(wanted))
    return wanted.map(Number).includes(status) ? undefined : `expected status ${wanted.join(" or ")} but was ${status}`;
  const test = typeof wanted === "string" ? CLASSES[wanted] : undefined;
  if (!test) return `the pact's statusCode matcher names no known class (${String(wanted)})`;
  return test(status) ? undefined : `expected a status of class ${String(wanted)} but was ${status}`;
}

/** The statuses a response may have under its `status` rules: for compat, which documented ones fit. */
export function statusClassOf(rule: MatchingRule): ((status: number) => boolean) | undefined {
  if (Array.isArray(rule.status)) {
    const codes = rule.status.map(Number);
    return (s) => codes.includes(s);
  }
  return typeof rule.status === "string" ? CLASSES[rule.status] : undefined;
}
