import { checkMessage } from "../pact/message-check.js";
import type { MessageContracts } from "../pact/message-contracts.js";
import type { Finding } from "../report/model.js";
import type { InteractionRecord } from "./interaction-records.js";
import type { RunInteraction } from "./pact-output.js";
import type { VerifiedExchange } from "./run-log.js";

/** The header a provider packs a message's metadata into: base64 of a JSON object, by Pact's convention. */
const METADATA_HEADER = "pact-message-metadata";

/**
 * The provider's own contract for each message of a run: the message Pact asked for (the answer to
 * its POST) is checked against its AsyncAPI message or named schema. Metadata that names a channel
 * (`topic`, `channel`...) narrows the AsyncAPI messages it may be.
 */
export function messageFindings(
  contracts: MessageContracts,
  interactions: RunInteraction[],
  records: InteractionRecord[],
): Finding[][] {
  return interactions.map((interaction, i) => {
    if (!interaction.message) return [];
    const exchange = records[i]?.exchanges.at(-1);
    if (!exchange?.response) return [];
    if (!exchange.messageBody)
      return [
        {
          source: "schema",
          level: "warning",
          in: "message.body",
          message: "the message is over 1 MiB: not checked against its contract",
        },
      ];
    const verdict = checkMessage(contracts, {
      description: interaction.description,
      contents: contentsOf(exchange.messageBody),
      metadata: metadataOf(exchange),
    });
    if (verdict.kind === "unchecked") return [];
    if (verdict.kind === "unknown")
      return [{ source: "schema", level: "error", in: "message", type: "unknown", message: verdict.why }];
    return verdict.violations.map((v) => ({
      source: "schema",
      level: "error",
      in: "message.body",
      type: v.keyword,
      path: v.where || undefined,
      message: v.message,
      operationId: verdict.name,
    }));
  });
}

function contentsOf(body: Buffer): unknown {
  const text = body.toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function metadataOf(exchange: VerifiedExchange): Record<string, unknown> {
  const header = [exchange.response?.headers[METADATA_HEADER]].flat()[0];
  if (!header) return {};
  try {
    const value: unknown = JSON.parse(Buffer.from(header, "base64").toString("utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
