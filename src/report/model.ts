/**
 * The generic result every checking command reports: suites (a pact, a consumer) of cases (an
 * interaction) with findings. `verify` fills it today and `compat` will tomorrow; the console, JSON
 * and JUnit reporters know only this shape.
 */
export type FindingSource = "pact" | "schema" | "state" | "error" | "compat";

export interface Finding {
  /** Who found it: Pact's matching, the OpenAPI schema check, a provider-state handler, or plumbing. */
  source: FindingSource;
  /** `warning`s are shown but do not fail their case. */
  level: "error" | "warning";
  message: string;
  /** Pact's mismatch type (`BodyMismatch`, `StatusMismatch`, ...) or the schema keyword (`enum`, ...). */
  type?: string;
  /** Where: Pact's path (`$.price`) or a JSON pointer / parameter name (`/status`). */
  path?: string;
  expected?: string;
  actual?: string;
  /** For schema findings: which part of the response (`response.body`, `response.status`, ...). */
  in?: string;
  operationId?: string;
  /** The real request the finding is about: `GET /shop/orders/1001`. */
  request?: string;
  /** compat: the stable rule code (`response.body.incompatible`). */
  rule?: string;
  /** compat: JSON pointer of what the finding is about in the pact file (`/interactions/2/response/body/price`). */
  pactPointer?: string;
  /** compat: where the contract says otherwise; `line` when the contract's text shows it. */
  contractPlace?: { file: string; pointer: string; line?: number };
}

export type CaseStatus = "passed" | "failed" | "pending";

export interface Case {
  name: string;
  status: CaseStatus;
  durationMs?: number;
  findings: Finding[];
  /** verify: the provider states the interaction is given, in order. */
  states?: string[];
  /** verify: the interaction's comments and test name, as a V4 pact writes them. */
  comments?: string[];
  testName?: string;
  /** verify: what the provider answered to a failed or pending interaction (the body cut at a bound). */
  response?: CaseResponse;
}

export interface CaseResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
  /** The whole body's size; `truncated` when `body` shows only its start. */
  bytes: number;
  truncated: boolean;
}

export interface Suite {
  name: string;
  /** The file or URL the suite came from. */
  source?: string;
  /** Extra facts shown beside the name: consumer, provider, pact spec version. */
  properties: Record<string, string>;
  cases: Case[];
}

export interface Summary {
  suites: number;
  cases: number;
  passed: number;
  failed: number;
  pending: number;
  /** Failing findings by source. */
  bySource: Record<FindingSource, number>;
  /** Warning-level findings, all sources. */
  warnings: number;
}

export interface Report {
  title: string;
  /** What produced it: the console's summary line words its counts by it (default `verify`). */
  kind?: "verify" | "compat";
  ok: boolean;
  durationMs: number;
  suites: Suite[];
  summary: Summary;
}

/**
 * A case fails on any error-level finding. Pending forgives what Pact's verdict says of a pending
 * pact (its mismatches, its states, the exchange), never the provider's own contract: a schema
 * violation fails a pending interaction too.
 */
export function caseStatus(findings: Finding[], pending: boolean): CaseStatus {
  if (findings.some((f) => f.level === "error" && (!pending || f.source === "schema"))) return "failed";
  return pending ? "pending" : "passed";
}

/** A reported text (a message, an expected or actual value) is cut here: a 60 MB body must not become 180 MB of output. */
export const MAX_REPORTED_CHARS = 4000;

/** The text, or its first MAX_REPORTED_CHARS characters and a note of how many more there were. */
export function boundText(text: string): string {
  return text.length <= MAX_REPORTED_CHARS
    ? text
    : `${text.slice(0, MAX_REPORTED_CHARS)}... (${text.length - MAX_REPORTED_CHARS} more characters not shown)`;
}

function boundFinding(finding: Finding): Finding {
  const bounded: Finding = { ...finding, message: boundText(finding.message) };
  if (finding.expected !== undefined) bounded.expected = boundText(finding.expected);
  if (finding.actual !== undefined) bounded.actual = boundText(finding.actual);
  return bounded;
}

export function summarise(suites: Suite[]): Summary {
  const summary: Summary = {
    suites: suites.length,
    cases: 0,
    passed: 0,
    failed: 0,
    pending: 0,
    bySource: { pact: 0, schema: 0, state: 0, error: 0, compat: 0 },
    warnings: 0,
  };
  for (const suite of suites) {
    for (const c of suite.cases) {
      summary.cases += 1;
      summary[c.status] += 1;
      for (const f of c.findings) {
        if (f.level === "error") summary.bySource[f.source] += 1;
        else summary.warnings += 1;
      }
    }
  }
  return summary;
}

export function buildReport(title: string, given: Suite[], durationMs: number): Report {
  const suites = given.map((suite) => ({
    ...suite,
    cases: suite.cases.map((c) => ({ ...c, findings: c.findings.map(boundFinding) })),
  }));
  const summary = summarise(suites);
  return { title, ok: summary.failed === 0, durationMs, suites, summary };
}
