import type { MediaType, ResponseSpec } from "../contract/model.js";
import { exampleCandidates } from "../fake/examples.js";
import { fakeValue, seedFrom } from "../fake/index.js";
import { serialiseSequence, type SequenceKind } from "../http/sequential.js";
import type { BuildContext } from "./build.js";

/** How many items a faked sequence has: enough to show it is a stream, few enough to read. */
const FAKED_ITEMS = 3;

/**
 * The body of a sequential media type (OpenAPI 3.2 `itemSchema`: JSON Lines, JSON Text Sequences,
 * Server-Sent Events). An example is served first: as written when it is the serialised text, as its
 * items when it is a list of them. Else a few items, each a seeded fake of the item schema and checked
 * against it.
 */
export function buildSequence(
  ctx: BuildContext,
  spec: ResponseSpec,
  mediaKey: string,
  media: MediaType,
  kind: SequenceKind,
  options: { example?: string; dynamic: boolean; requestKey: string },
): { body: string; warning?: string } {
  if (!options.dynamic) {
    for (const candidate of exampleCandidates(
      ctx.contract.document,
      { ...media, schema: undefined },
      options.example,
    )) {
      if (typeof candidate.value === "string") return { body: candidate.value };
      if (Array.isArray(candidate.value)) return { body: serialiseSequence(kind, candidate.value) };
    }
  }
  const itemSchema = media.itemSchema!;
  const node = "pointer" in itemSchema ? { $ref: itemSchema.pointer } : itemSchema.inline;
  const base = seedFrom(
    ctx.seed,
    ctx.contract.id,
    ctx.operation.operationId,
    spec.status,
    mediaKey,
    options.requestKey,
  );
  const items: unknown[] = [];
  let broken = 0;
  for (let i = 0; i < FAKED_ITEMS; i++) {
    const item = fakeValue(ctx.contract.document, node, {
      seed: base + i,
      direction: "response",
      dialect: ctx.contract.dialect,
    });
    if (ctx.registry.validate(itemSchema, item, { direction: "response", in: "response.body" }).length > 0) broken++;
    items.push(item);
  }
  const warning =
    broken > 0
      ? `${broken} of ${FAKED_ITEMS} faked items of ${ctx.operation.operationId} ${spec.status} ${mediaKey} break the item schema`
      : undefined;
  return { body: serialiseSequence(kind, items), ...(warning ? { warning } : {}) };
}
