import { isObject } from "../contract/pointer.js";
import type { PactFile } from "../pact/pact-file.js";
import { caseStatus, type Case, type Finding, type Suite } from "../report/model.js";
import type { InteractionRecord } from "./interaction-records.js";
import type { RunInteraction } from "./pact-output.js";
import type { VerifiedExchange } from "./run-log.js";
import type { PactInteractionResult, VerifierOutput } from "./verifier-output.js";

/** One run of Pact's verifier, as the suites are built from it: Pact's verdict, its text, and what mockpact saw. */
export interface RunView {
  output: VerifierOutput;
  interactions: RunInteraction[];
  records: InteractionRecord[];
  /** Findings of mockpact's own about an interaction (a message against its contract), by run position. */
  extraFindings: Finding[][];
}

/** Merges the views of each interaction into one case: Pact's verdict, the states, the proxy's checks, the message check. */
export function pactSuite(pact: PactFile, run: RunView): Suite {
  const details = pactDetails(pact);
  const cases = run.output.interactions.map((result, i) =>
    interactionCase(result, i, run, details.take(result.description)),
  );
  cases.push(...unattributedCases(run.output));
  return {
    name: `${pact.consumer} -> ${pact.provider}`,
    source: pact.source,
    properties: { consumer: pact.consumer, provider: pact.provider, "pact spec": pact.specVersion },
    cases,
  };
}

/**
 * A broker run verifies several consumers' pacts at once, and Pact's JSON does not say which pact
 * an interaction came from; its text does (see pact-output.ts). Cases are grouped by that consumer.
 */
export function brokerSuites(run: RunView, provider: string, broker: string): Suite[] {
  const byConsumer = new Map<string, Case[]>();
  run.output.interactions.forEach((result, i) => {
    const consumer = run.interactions[i]?.consumer ?? "(unknown consumer)";
    const cases = byConsumer.get(consumer) ?? [];
    cases.push(interactionCase(result, i, run, undefined));
    byConsumer.set(consumer, cases);
  });
  const suites: Suite[] = [...byConsumer].map(([consumer, cases]) => ({
    name: `${consumer} -> ${provider}`,
    source: broker,
    properties: { consumer, provider },
    cases,
  }));
  const stray = unattributedCases(run.output);
  if (stray.length > 0)
    suites.push({ name: `(broker) -> ${provider}`, source: broker, properties: { provider }, cases: stray });
  return suites;
}

interface InteractionDetails {
  comments?: string[];
  testName?: string;
}

function interactionCase(
  result: PactInteractionResult,
  i: number,
  run: RunView,
  details: InteractionDetails | undefined,
): Case {
  const record = run.records[i];
  const exchanges = record?.exchanges ?? [];
  const findings: Finding[] = [
    ...result.findings,
    ...(record?.stateFindings ?? []),
    ...exchanges.flatMap(exchangeFindings),
    ...(run.extraFindings[i] ?? []),
  ];
  const status = caseStatus(findings, result.pending);
  const states = run.interactions[i]?.states ?? [];
  const response = status !== "passed" ? exchanges[exchanges.length - 1]?.response : undefined;
  return {
    name: result.description,
    status,
    durationMs: result.durationMs,
    findings,
    ...(states.length > 0 ? { states } : {}),
    ...(details?.comments?.length ? { comments: details.comments } : {}),
    ...(details?.testName ? { testName: details.testName } : {}),
    ...(response ? { response } : {}),
  };
}

function exchangeFindings(exchange: VerifiedExchange): Finding[] {
  const request = `${exchange.method} ${exchange.url}`;
  const schema = exchange.violations.map((v): Finding => ({
    source: "schema",
    level: "error",
    in: v.in,
    type: v.keyword,
    path: v.where || undefined,
    message: v.message,
    operationId: exchange.operationId,
    request,
  }));
  return exchange.error ? [{ source: "error", level: "error", message: exchange.error, request }, ...schema] : schema;
}

function unattributedCases(output: VerifierOutput): Case[] {
  return output.unattributed.map((e) => ({
    name: e.interaction || "(pact)",
    status: "failed",
    findings:
      e.findings.length > 0 ? e.findings : [{ source: "pact", level: "error", message: "Pact reported a failure" }],
  }));
}

/** The comments and test name of each interaction of a pact file (V4 `comments: { text, testname }`), by description in file order. */
function pactDetails(pact: PactFile): { take(description: string): InteractionDetails | undefined } {
  const list = [pact.document.interactions, pact.document.messages].flatMap((l) =>
    Array.isArray(l) ? l.filter(isObject) : [],
  );
  const used = new Set<number>();
  return {
    take(description) {
      const index = list.findIndex((raw, n) => !used.has(n) && raw.description === description);
      if (index < 0) return undefined;
      used.add(index);
      const comments = list[index]!.comments;
      if (!isObject(comments)) return undefined;
      const text = Array.isArray(comments.text) ? comments.text.map(String) : [];
      return { comments: text, ...(typeof comments.testname === "string" ? { testName: comments.testname } : {}) };
    },
  };
}
