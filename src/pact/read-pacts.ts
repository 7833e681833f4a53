import type { PactFile } from "./pact-file.js";
import { readHttpInteractions, type HttpInteractions } from "./read-interactions.js";
import { readPactSources } from "./sources.js";

/** A pact read in full: what `parsePact` checked, and its HTTP interactions. */
export interface HttpPact extends HttpInteractions {
  pact: PactFile;
}

/** Reads `--pact` inputs (files, folders of *.json, URLs) and their HTTP interactions; bad input throws PACT_*. */
export async function readHttpPacts(inputs: string[], timeoutMs = 30_000): Promise<HttpPact[]> {
  const pacts = await readPactSources(inputs, { timeoutMs });
  return pacts.map((pact) => ({ pact, ...readHttpInteractions(pact.document, pact.source, pact.specVersion) }));
}
