import { invalidOption } from "../errors.js";
import { loadAsyncApi, type AsyncApiDocument } from "../contract/asyncapi.js";
import type { Contract } from "../contract/model.js";
import { MessageSchemas } from "../schema/message-schemas.js";
import type { SchemaRegistry } from "../schema/registry.js";

/** Where a message's contents are checked: AsyncAPI documents, named schemas of OpenAPI contracts, and the user's choices. */
export interface MessageContracts {
  asyncapi: Array<{ document: AsyncApiDocument; schemas: MessageSchemas }>;
  openapi: Array<{ contract: Contract; registry: SchemaRegistry }>;
  choices: MessageSchemaChoice[];
}

/** Loads `--asyncapi` documents and pairs them, and the OpenAPI contracts, with their validators. */
export async function loadMessageContracts(
  input: { asyncapi: string[]; choices: MessageContracts["choices"]; refRoot?: string; allowRemoteRefs?: boolean },
  openapi: MessageContracts["openapi"],
): Promise<MessageContracts> {
  const asyncapi: MessageContracts["asyncapi"] = [];
  for (const file of input.asyncapi) {
    const document = await loadAsyncApi(file, { refRoot: input.refRoot, allowRemoteRefs: input.allowRemoteRefs });
    asyncapi.push({ document, schemas: new MessageSchemas(document.document, document.file) });
  }
  return { asyncapi, openapi, choices: input.choices };
}

/** `--message-schema`: the named message or schema for one description, or (no description) for every message. */
export interface MessageSchemaChoice {
  description?: string;
  name: string;
}

/** `OrderCreated`, or `an order created=OrderCreated` (the last `=` splits, so a description may hold one). */
export function messageSchemaChoice(text: string): MessageSchemaChoice {
  const at = text.lastIndexOf("=");
  const name = text.slice(at + 1).trim();
  if (name === "")
    throw invalidOption(
      "message-schema",
      text,
      "NAME or DESCRIPTION=NAME",
      "Give --message-schema OrderCreated, or --message-schema 'an order created=OrderCreated'.",
    );
  return at > 0 ? { description: text.slice(0, at).trim(), name } : { name };
}
