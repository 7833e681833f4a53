import type { Callback, Contract } from "../../contract/model.js";
import { fakeValue, seedFrom } from "../../fake/index.js";
import { carriesJson } from "../../http/media-type.js";
import type { SchemaRegistry } from "../../schema/registry.js";
import { buildValue } from "../build.js";
import type { OutgoingRequest } from "./send.js";

/**
 * The request of a callback or webhook, to `url`: its body as the mock builds a response body (the
 * named example wanted, else the first example, else a seeded fake, each checked against its schema),
 * with a JSON media type first; its required header parameters from their schema's example or a fake.
 * `body` given (the admin API's webhook call) is sent instead of a built one.
 */
export function outgoingRequest(
  call: Callback,
  contract: Contract,
  registry: SchemaRegistry,
  seed: number,
  url: string,
  given?: { body?: unknown },
): OutgoingRequest {
  const { operation } = call;
  const headers: Record<string, string> = { "user-agent": "mockpact" };
  for (const parameter of operation.parameters) {
    if (parameter.in !== "header" || !parameter.required) continue;
    const schema = "pointer" in parameter.schema ? { $ref: parameter.schema.pointer } : parameter.schema.inline;
    const value = fakeValue(contract.document, schema, {
      seed: seedFrom(seed, contract.id, operation.operationId, parameter.name),
      direction: "request",
      dialect: contract.dialect,
    });
    headers[parameter.name.toLowerCase()] = typeof value === "string" ? value : JSON.stringify(value);
  }
  const content = operation.requestBody?.content ?? {};
  const mediaKey = Object.keys(content).find(carriesJson) ?? Object.keys(content)[0];
  if (mediaKey === undefined) return { method: operation.method.toUpperCase(), url, headers };
  const ctx = { contract, registry, operation, seed };
  const spec = { status: "callback", description: "", headers: [], content };
  const value =
    given && "body" in given
      ? given.body
      : buildValue(ctx, spec, mediaKey, content[mediaKey]!, { dynamic: false, requestKey: "" }).value;
  headers["content-type"] = mediaKey.includes("*") ? "application/json" : mediaKey;
  const body = typeof value === "string" && !carriesJson(mediaKey) ? value : JSON.stringify(value ?? null);
  return { method: operation.method.toUpperCase(), url, headers, body };
}
