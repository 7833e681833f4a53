import { performance } from "node:perf_hooks";
import { loadContracts } from "../contract/index.js";
import { compileContracts } from "../http/engine.js";
import { readHttpPacts, type HttpPact } from "../pact/read-pacts.js";
import { buildReport, type Case, type Report, type Suite } from "../report/model.js";
import { loadMessageContracts } from "../pact/message-contracts.js";
import { readPactMessages } from "../pact/read-messages.js";
import { checkMessages } from "./check-messages.js";
import { checkRequest } from "./check-request.js";
import { checkResponse } from "./check-response.js";
import { ContractLines, displayPath } from "./contract-lines.js";
import { toReportFinding, type CompatFinding } from "./finding.js";
import { locate, notLocated } from "./locate.js";
import { resolveCompatOptions, type CompatOptions, type ResolvedCompatOptions } from "./options.js";

export { COMPAT_RULES, type CompatRule, type Severity } from "./rules.js";
export type { CompatFinding } from "./finding.js";
export { resolveCompatOptions, type CompatOptions, type ResolvedCompatOptions } from "./options.js";

/** The result of `checkCompat`: the generic report (a suite per pact, a case per interaction) and the run's facts. */
export interface CompatResult extends Report {
  kind: "compat";
  contracts: string[];
  pacts: string[];
  failOn: "error" | "warning";
  errors: number;
  warnings: number;
  /** Interactions compat does not check: messages when no message contract is given, and other non-HTTP kinds. */
  skipped: number;
}

/**
 * Checks consumer pacts against the provider's OpenAPI contracts with nothing running: for each
 * HTTP interaction, the operation it calls, its request, and the response it expects; for each
 * message (given an AsyncAPI document or a named schema), the message it expects. Load
 * problems (a pact or contract that cannot be read) throw a MockpactError; findings are in the result.
 */
export async function checkCompat(options: CompatOptions): Promise<CompatResult> {
  const started = performance.now();
  const resolved = resolveCompatOptions(options);
  const contracts =
    resolved.contracts.length > 0
      ? await loadContracts(resolved.contracts, {
          allowRemoteRefs: resolved.allowRemoteRefs,
          refRoot: resolved.refRoot,
        })
      : [];
  const pacts = await readHttpPacts(resolved.pacts, resolved.timeoutMs);
  const { router, registryOf } = compileContracts(contracts);
  const messageContracts = await loadMessageContracts(
    {
      asyncapi: resolved.asyncapi,
      choices: resolved.messageSchemas,
      refRoot: resolved.refRoot,
      allowRemoteRefs: resolved.allowRemoteRefs,
    },
    contracts.map((contract) => ({ contract, registry: registryOf(contract) })),
  );
  const checksMessages = messageContracts.asyncapi.length > 0 || messageContracts.choices.length > 0;
  const lines = new ContractLines();
  const suites: Suite[] = [];
  for (const pact of pacts) {
    const cases: Case[] = [];
    for (const interaction of contracts.length > 0 ? pact.interactions : []) {
      const match = locate(router, interaction);
      const findings: CompatFinding[] = [];
      if (match.kind !== "found") findings.push(notLocated(interaction, match));
      else {
        const ctx = {
          interaction,
          contract: match.target.contract,
          operation: match.target.operation,
          registry: registryOf(match.target.contract),
          pathParams: match.pathParams,
          lines,
        };
        findings.push(...(await checkRequest(ctx)), ...checkResponse(ctx));
      }
      cases.push(caseOf(interaction.description, findings, resolved));
    }
    if (contracts.length === 0) pact.skipped += pact.interactions.length;
    if (checksMessages) {
      const messages = readPactMessages(pact.pact.document, pact.pact.specVersion);
      cases.push(...checkMessages(messages, messageContracts, lines, resolved.failOn));
      // A synchronous message contributes one message per response: count its interaction once.
      pact.skipped = Math.max(
        0,
        pact.skipped - new Set(messages.map((m) => m.pointer.split("/").slice(0, 3).join("/"))).size,
      );
    }
    suites.push(suiteOf(pact, cases));
  }
  return resultOf(buildReport(`mockpact compat`, suites, performance.now() - started), resolved, pacts);
}

function caseOf(name: string, findings: CompatFinding[], resolved: ResolvedCompatOptions): Case {
  const failing = findings.some((f) => f.severity === "error" || resolved.failOn === "warning");
  return { name, status: failing ? "failed" : "passed", findings: findings.map(toReportFinding) };
}

function suiteOf(pact: HttpPact, cases: Case[]): Suite {
  const { consumer, provider, specVersion, source } = pact.pact;
  return {
    name: `${consumer} -> ${provider}`,
    source: /^https?:/i.test(source) ? source : displayPath(source),
    properties: { consumer, provider, "pact spec": specVersion },
    cases,
  };
}

function resultOf(report: Report, resolved: ResolvedCompatOptions, pacts: HttpPact[]): CompatResult {
  const findings = report.suites.flatMap((s) => s.cases.flatMap((c) => c.findings));
  return {
    ...report,
    kind: "compat",
    contracts: resolved.contracts,
    pacts: pacts.map((p) => p.pact.source),
    failOn: resolved.failOn,
    errors: findings.filter((f) => f.level === "error").length,
    warnings: findings.filter((f) => f.level === "warning").length,
    skipped: pacts.reduce((sum, p) => sum + p.skipped, 0),
  };
}

/** Every finding of a result, flat, with the pact and interaction it belongs to: for code that acts on rule codes. */
export function compatFindings(
  result: Report,
): Array<{ pact: string; interaction: string; rule: string; level: string; message: string }> {
  return result.suites.flatMap((s) =>
    s.cases.flatMap((c) =>
      c.findings.map((f) => ({
        pact: s.source ?? s.name,
        interaction: c.name,
        rule: f.rule ?? "",
        level: f.level,
        message: f.message,
      })),
    ),
  );
}
