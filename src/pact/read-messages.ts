import { isObject } from "../contract/pointer.js";
import type { PactHeaders } from "./http-interaction.js";
import { readBody } from "./read-body.js";

/** One message a pact expects a provider to produce: V3 `messages`, V4 asynchronous messages and synchronous replies. */
export interface PactMessage {
  /** JSON pointer of the contents in the pact file: `/messages/0/contents`. */
  pointer: string;
  description: string;
  states: string[];
  /** The contents as the consumer expects them (JSON parsed); undefined when the pact gives none. */
  contents: unknown;
  metadata: Record<string, unknown>;
}

/**
 * The messages of a parsed pact document. A V4 synchronous message contributes each of its
 * responses (what the provider produces), under the interaction's description.
 */
export function readPactMessages(doc: Record<string, unknown>, specVersion: string): PactMessage[] {
  const major = Number(specVersion.split(".")[0]) || 1;
  const out: PactMessage[] = [];
  const v3 = Array.isArray(doc.messages) ? doc.messages : [];
  v3.forEach((raw, i) => isObject(raw) && out.push(messageOf(raw, raw, `/messages/${i}`, major)));
  const interactions = Array.isArray(doc.interactions) ? doc.interactions : [];
  interactions.forEach((raw, i) => {
    if (!isObject(raw)) return;
    if (raw.type === "Asynchronous/Messages") out.push(messageOf(raw, raw, `/interactions/${i}`, major));
    if (raw.type === "Synchronous/Messages" && Array.isArray(raw.response))
      raw.response.forEach(
        (part, r) => isObject(part) && out.push(messageOf(raw, part, `/interactions/${i}/response/${r}`, major)),
      );
  });
  return out;
}

function messageOf(
  interaction: Record<string, unknown>,
  part: Record<string, unknown>,
  pointer: string,
  major: number,
): PactMessage {
  const metadata = isObject(part.metadata) ? part.metadata : isObject(part.metaData) ? part.metaData : {};
  const type = [metadata.contentType, metadata["content-type"], metadata["Content-Type"]].find(
    (t) => typeof t === "string",
  ) as string | undefined;
  const headers: PactHeaders = new Map(type ? [["content-type", { name: "Content-Type", value: type }]] : []);
  const body = readBody({ body: part.contents }, `${pointer}/contents`, headers, major);
  return {
    pointer: `${pointer}/contents`,
    description: typeof interaction.description === "string" ? interaction.description : "",
    states: statesOf(interaction),
    contents: body.kind === "present" ? body.value : undefined,
    metadata,
  };
}

function statesOf(raw: Record<string, unknown>): string[] {
  if (typeof raw.providerState === "string") return [raw.providerState];
  return Array.isArray(raw.providerStates) ? raw.providerStates.filter(isObject).map((s) => String(s.name ?? "")) : [];
}
