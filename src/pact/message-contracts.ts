import { loadAsyncApi, type AsyncApiDocument } from "../contract/asyncapi.js";
import type { Contract } from "../contract/model.js";
import { MessageSchemas } from "../schema/message-schemas.js";
import type { SchemaRegistry } from "../schema/registry.js";

/** Where a message's contents are checked: AsyncAPI documents, named schemas of OpenAPI contracts, and the user's choices. */
export interface MessageContracts {
  asyncapi: Array<{ document: AsyncApiDocument; schemas: MessageSchemas }>;
  openapi: Array<{ contract: Contract; registry: SchemaRegistry }>;
  /** `--message-schema`: the named message or schema for one description, or (no description) for every message. */
  choices: Array<{ description?: string; name: string }>;
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
