import type { AsyncApiDocument, AsyncMessage } from "../contract/asyncapi.js";
import { getAtPointer, joinPointer } from "../contract/pointer.js";
import type { MessageSchemas } from "../schema/message-schemas.js";
import type { Violation } from "../schema/violation.js";
import type { MessageContracts } from "./message-contracts.js";

export interface MessageToCheck {
  description: string;
  contents: unknown;
  metadata: Record<string, unknown>;
}

export type MessageVerdict =
  /** Nothing to check against: no AsyncAPI document and no named schema. */
  | { kind: "unchecked" }
  /** No message of the contract fits: an unknown name, or a channel with none. */
  | { kind: "unknown"; why: string }
  | { kind: "checked"; name: string; file: string; pointer: string; violations: Violation[] };

/** Metadata keys that name the channel a message travels on, as Pact consumers write them. */
export const CHANNEL_KEYS = ["channel", "topic", "destination", "queue", "subject", "address"];

interface Candidate {
  name: string;
  file: string;
  pointer: string;
  validate(value: unknown): Violation[];
}

/**
 * Checks a message against its contract. A `--message-schema` choice names the message (an
 * AsyncAPI message, else an OpenAPI schema `components.schemas.NAME`). Without one, the AsyncAPI
 * messages of the channel the metadata names (else all of them) are candidates, and the message
 * must be valid against one of them, as AsyncAPI says of a channel's messages; the verdict names
 * the one it matched, or the closest (fewest violations).
 */
export function checkMessage(contracts: MessageContracts, message: MessageToCheck): MessageVerdict {
  const choice =
    contracts.choices.find((c) => c.description === message.description) ??
    contracts.choices.find((c) => c.description === undefined);
  if (choice) {
    const named = namedCandidate(contracts, choice.name);
    return named
      ? verdictOf([named], message.contents)
      : { kind: "unknown", why: `no AsyncAPI message and no OpenAPI schema is named "${choice.name}"` };
  }
  if (contracts.asyncapi.length === 0) return { kind: "unchecked" };
  const channel = channelOf(message.metadata);
  const all = contracts.asyncapi.flatMap(({ document, schemas }) =>
    document.messages.map((m) => asyncCandidate(document, schemas, m)),
  );
  const onChannel =
    channel === undefined
      ? []
      : contracts.asyncapi.flatMap(({ document, schemas }) =>
          document.messages
            .filter((m) => m.channels.includes(channel))
            .map((m) => asyncCandidate(document, schemas, m)),
        );
  const candidates = (onChannel.length > 0 ? onChannel : all).filter((c): c is Candidate => c !== undefined);
  if (candidates.length === 0)
    return {
      kind: "unknown",
      why:
        channel === undefined
          ? "the AsyncAPI documents describe no message with a payload"
          : `no message with a payload travels on channel "${channel}"`,
    };
  return verdictOf(candidates, message.contents);
}

function verdictOf(candidates: Candidate[], contents: unknown): MessageVerdict {
  let best: MessageVerdict & { kind: "checked" } = { kind: "checked", name: "", file: "", pointer: "", violations: [] };
  let fewest = Infinity;
  for (const candidate of candidates) {
    const violations = candidate.validate(contents);
    if (violations.length < fewest)
      [best, fewest] = [
        { kind: "checked", name: candidate.name, file: candidate.file, pointer: candidate.pointer, violations },
        violations.length,
      ];
    if (fewest === 0) break;
  }
  return best;
}

function namedCandidate(contracts: MessageContracts, name: string): Candidate | undefined {
  for (const { document, schemas } of contracts.asyncapi) {
    const message = document.messages.find((m) => m.name === name);
    if (message) return asyncCandidate(document, schemas, message);
  }
  for (const { contract, registry } of contracts.openapi) {
    const base = contract.dialect === "swagger-2.0" ? "#/definitions" : "#/components/schemas";
    const pointer = joinPointer(base, name);
    if (getAtPointer(contract.document, pointer) === undefined) continue;
    return {
      name,
      file: contract.file,
      pointer,
      validate: (value) => registry.validate({ pointer }, value, { direction: "response", in: "response.body" }),
    };
  }
  return undefined;
}

function asyncCandidate(
  document: AsyncApiDocument,
  schemas: MessageSchemas,
  message: AsyncMessage,
): Candidate | undefined {
  const pointer = message.payload;
  return pointer
    ? { name: message.name, file: document.file, pointer, validate: (value) => schemas.validate(pointer, value) }
    : undefined;
}

function channelOf(metadata: Record<string, unknown>): string | undefined {
  for (const key of CHANNEL_KEYS) {
    const found = Object.keys(metadata).find((k) => k.toLowerCase() === key);
    if (found && typeof metadata[found] === "string") return metadata[found];
  }
  return undefined;
}
