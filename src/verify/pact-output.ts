import type { VerifierOutput } from "./verifier-output.js";

/** What Pact's text says of one interaction that its JSON verdict does not: the consumer, and the states in order. */
export interface RunInteraction {
  description: string;
  states: string[];
  /** From the "Verifying a pact between C and P" line above it: a broker run verifies several consumers. */
  consumer?: string;
  /** Pact asked the provider for a message ("generates a message which"), not for an HTTP response. */
  message?: boolean;
}

/**
 * Reads Pact's own text (the `output` of its JSON verdict, colours stripped) alongside its
 * interaction results, in order: each result's heading line (two spaces, then its description) and
 * the `Given`/`And` lines under it. Unknown lines are skipped, so a wording change loses detail, not order.
 */
export function runInteractions(output: VerifierOutput, provider: string | undefined): RunInteraction[] {
  const lines = output.output.flatMap((l) => l.split("\n")).map((l) => l.trimEnd());
  const found: RunInteraction[] = output.interactions.map((r) => ({ description: r.description, states: [] }));
  let consumer: string | undefined;
  let next = 0;
  let current: RunInteraction | undefined;
  let last: RunInteraction | undefined;
  for (const line of lines) {
    if (last && /^\s+generates a message which/.test(line)) last.message = true;
    const pact = /^\s*Verifying a pact between (.+)$/.exec(line);
    if (pact) {
      consumer = consumerOf(pact[1]!, provider);
      current = undefined;
      continue;
    }
    const given = /^\s{3,}(?:Given|And) (.+)$/.exec(line);
    if (given && current) {
      current.states.push(given[1]!);
      continue;
    }
    current = undefined;
    const expected = found[next];
    if (expected && /^ {2}\S/.test(line) && line.trim().startsWith(expected.description)) {
      current = expected;
      last = expected;
      if (consumer) expected.consumer = consumer;
      next++;
    }
  }
  return found;
}

function consumerOf(text: string, provider: string | undefined): string {
  const at = provider ? text.lastIndexOf(` and ${provider}`) : -1;
  return at > 0 ? text.slice(0, at) : (text.split(" and ")[0] ?? text);
}
