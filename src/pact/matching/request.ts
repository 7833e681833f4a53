import { contentTypeOf, type PactHttpRequest } from "../http-interaction.js";
import type { ActualRequest } from "./actual.js";
import { matchBody } from "./body.js";
import { checkRules } from "./check-rule.js";
import { matchHeaders } from "./headers.js";
import type { Mismatch } from "./mismatch.js";
import { matchQuery } from "./query.js";
import { selectRules } from "./select.js";

/**
 * Does a received request match what an interaction expects? Every difference is returned (an empty
 * list is a match): method, path, query, headers and body, by Pact's rules for requests, where a
 * body may carry no key the pact does not name.
 */
export function matchRequest(expected: PactHttpRequest, actual: ActualRequest): Mismatch[] {
  const rules = expected.rules;
  const out: Mismatch[] = [];
  if (expected.method !== actual.method)
    out.push({ part: "method", where: "", message: `expected ${expected.method} but was ${actual.method}` });
  out.push(...matchPath(expected, actual));
  out.push(...matchQuery(expected.query, { text: actual.queryText, values: actual.query }, rules.query));
  out.push(...matchHeaders(expected.headers, actual.headers, rules.header, actual.headerLines));
  const body = { bytes: actual.body, contentType: actual.headers.get("content-type") };
  out.push(...matchBody(expected.body, contentTypeOf(expected.headers, expected.body), body, rules.body, false));
  return out;
}

function matchPath(expected: PactHttpRequest, actual: ActualRequest): Mismatch[] {
  const selected = selectRules(expected.rules.path, ["$"]);
  const failures = selected
    ? checkRules(selected.list, expected.path, actual.path, { cascaded: false, text: true })
    : expected.path === actual.path
      ? []
      : [`expected ${expected.path} but was ${actual.path}`];
  return failures.map((message) => ({ part: "path" as const, where: "", message }));
}
