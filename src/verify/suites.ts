import type { ProxiedExchange } from "../proxy/proxied-exchange.js";
import { caseStatus, type Case, type Finding, type Suite } from "../report/model.js";
import type { PactFile } from "../pact/pact-file.js";
import type { InteractionRecord } from "./tracker.js";
import type { PactInteractionResult, VerifierOutput } from "./verifier-output.js";

/**
 * Merges the two views of each interaction into one case: Pact's verdict (n-th interaction result)
 * and what the proxy and the state hook saw (n-th record of the tracker, see tracker.ts).
 */
export function pactSuite(pact: PactFile, output: VerifierOutput, records: InteractionRecord[]): Suite {
  const cases = output.interactions.map((result, i) => interactionCase(result, records[i]));
  cases.push(...unattributedCases(output));
  return { name: `${pact.consumer} -> ${pact.provider}`, source: pact.source, properties: { consumer: pact.consumer, provider: pact.provider, "pact spec": pact.specVersion }, cases };
}

/**
 * A broker run verifies several consumers' pacts at once, and Pact's JSON does not say which pact
 * an interaction came from; its console output does, in order ("Verifying a pact between C and P",
 * then each interaction's description). Cases are grouped by the consumer read from there.
 */
export function brokerSuites(output: VerifierOutput, records: InteractionRecord[], provider: string, broker: string): Suite[] {
  const consumers = consumersInOrder(output, provider);
  const byConsumer = new Map<string, Case[]>();
  output.interactions.forEach((result, i) => {
    const consumer = consumers[i] ?? "(unknown consumer)";
    const cases = byConsumer.get(consumer) ?? [];
    cases.push(interactionCase(result, records[i]));
    byConsumer.set(consumer, cases);
  });
  const suites: Suite[] = [...byConsumer].map(([consumer, cases]) => ({ name: `${consumer} -> ${provider}`, source: broker, properties: { consumer, provider }, cases }));
  const stray = unattributedCases(output);
  if (stray.length > 0) suites.push({ name: `(broker) -> ${provider}`, source: broker, properties: { provider }, cases: stray });
  return suites;
}

function interactionCase(result: PactInteractionResult, record: InteractionRecord | undefined): Case {
  const findings: Finding[] = [...result.findings, ...(record?.stateFindings ?? []), ...(record?.exchanges ?? []).flatMap(exchangeFindings)];
  return { name: result.description, status: caseStatus(findings, result.pending), durationMs: result.durationMs, findings };
}

function exchangeFindings(exchange: ProxiedExchange): Finding[] {
  const request = `${exchange.method} ${exchange.url}`;
  const schema = exchange.violations.map((v): Finding => ({ source: "schema", level: "error", in: v.in, type: v.keyword, path: v.where || undefined, message: v.message, operationId: exchange.operationId, request }));
  return exchange.error ? [{ source: "error", level: "error", message: exchange.error, request }, ...schema] : schema;
}

function unattributedCases(output: VerifierOutput): Case[] {
  return output.unattributed.map((e) => ({ name: e.interaction || "(pact)", status: "failed", findings: e.findings.length > 0 ? e.findings : [{ source: "pact", level: "error", message: "Pact reported a failure" }] }));
}

function consumersInOrder(output: VerifierOutput, provider: string): Array<string | undefined> {
  const lines = output.output.flatMap((l) => l.split("\n")).map((l) => l.trimEnd());
  const header = /^\s*Verifying a pact between (.+)$/;
  const found: Array<string | undefined> = [];
  let consumer: string | undefined;
  let next = 0;
  for (const line of lines) {
    const h = header.exec(line);
    if (h) {
      const rest = h[1]!;
      const at = rest.lastIndexOf(` and ${provider}`);
      consumer = at > 0 ? rest.slice(0, at) : rest.split(" and ")[0];
      continue;
    }
    const description = output.interactions[next]?.description;
    if (description !== undefined && line.trim().startsWith(description) && /^ {2}\S/.test(line)) found[next++] = consumer;
  }
  return found;
}
