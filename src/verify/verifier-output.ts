import { isObject } from "../contract/pointer.js";
import type { Finding } from "../report/model.js";

/** Pact's verdict on one interaction, from the verifier's JSON result. */
export interface PactInteractionResult {
  description: string;
  ok: boolean;
  pending: boolean;
  durationMs?: number;
  findings: Finding[];
}

/** The parts of Pact's verification JSON (`pactffi_verifier_json`) that mockpact reads. */
export interface VerifierOutput {
  ok: boolean;
  interactions: PactInteractionResult[];
  /** Failures Pact could not tie to an interaction result (a pact that did not load, say). */
  unattributed: Array<{ interaction: string; findings: Finding[] }>;
  /** Pact's own console text, colours stripped. */
  output: string[];
}

interface RawError {
  interaction: string;
  findings: Finding[];
  pending: boolean;
}

/**
 * Reads the JSON that Pact's core verifier (pact-core's `verifyPacts`) resolves with (success) or
 * rejects with as the message of its Error (failure). Its `interactionResults` list every interaction in the order run; its
 * `errors` / `pendingErrors` hold the mismatches, each naming its interaction as
 * "Verifying a pact between C and P [Given S] - description", in the same order.
 */
export function parseVerifierOutput(json: string): VerifierOutput | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isObject(doc) || !Array.isArray(doc.interactionResults)) return undefined;
  const errors: RawError[] = [...rawErrors(doc.errors, false), ...rawErrors(doc.pendingErrors, true)];
  const interactions = doc.interactionResults.filter(isObject).map((r) => {
    const description = String(r.description ?? "");
    const ok = r.result === "OK" || r.result === true;
    const error = ok ? undefined : takeError(errors, description);
    return {
      description,
      ok,
      pending: error?.pending ?? r.pending === true,
      durationMs: durationOf(r.duration),
      findings: error?.findings ?? [],
    };
  });
  const output = Array.isArray(doc.output) ? doc.output.map((line) => stripAnsi(String(line))) : [];
  return {
    ok: doc.result === true,
    interactions,
    unattributed: errors.map(({ interaction, findings }) => ({ interaction, findings })),
    output,
  };
}

function rawErrors(list: unknown, pending: boolean): RawError[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((e) => ({
    interaction: stripAnsi(String(e.interaction ?? "")),
    findings: mismatchFindings(e.mismatch),
    pending,
  }));
}

/** The first error of this interaction (by its description, which ends Pact's interaction label). */
function takeError(errors: RawError[], description: string): RawError | undefined {
  const index = errors.findIndex((e) => e.interaction === description || e.interaction.endsWith(` - ${description}`));
  return index < 0 ? undefined : errors.splice(index, 1)[0];
}

function mismatchFindings(mismatch: unknown): Finding[] {
  if (!isObject(mismatch)) return [{ source: "pact", level: "error", message: String(mismatch) }];
  if (mismatch.type === "mismatches" && Array.isArray(mismatch.mismatches)) {
    return mismatch.mismatches.filter(isObject).map((m) => ({
      source: "pact" as const,
      level: "error" as const,
      type: typeof m.type === "string" ? m.type : undefined,
      path: typeof m.path === "string" && m.path !== "" ? m.path : m.key !== undefined ? String(m.key) : undefined,
      expected: shown(m.expected),
      actual: shown(m.actual),
      message: stripAnsi(String(m.mismatch ?? m.message ?? JSON.stringify(m))),
    }));
  }
  return [
    {
      source: "pact",
      level: "error",
      type: typeof mismatch.type === "string" ? mismatch.type : "error",
      message: stripAnsi(String(mismatch.message ?? JSON.stringify(mismatch))),
    },
  ];
}

/** Pact gives expected/actual as JSON text of the value (`"\"x\""`) or as the value: show them alike. */
function shown(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

function durationOf(value: unknown): number | undefined {
  const match = /^([\d.]+)\s*(ms|s|µs|us)$/.exec(String(value ?? ""));
  if (!match) return undefined;
  const n = Number(match[1]);
  return match[2] === "s" ? n * 1000 : match[2] === "ms" ? n : n / 1000;
}

export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}
