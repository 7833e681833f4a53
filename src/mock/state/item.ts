import { fakeValue, seedFrom } from "../../fake/index.js";
import type { BuildContext } from "../build.js";
import type { Resource } from "./resources.js";
import { resolvedNode, schemaNode } from "./shape.js";
import type { Allocation, Item } from "./store.js";

/** How many seeds a fake may try to be valid, and an id to be unique. */
const ATTEMPTS = 8;
const ID_ATTEMPTS = 50;

/**
 * A new item from what the client sent, given its id: the other readOnly fields generated, the
 * client's fields, and required fields it did not send from their `default`, their first example,
 * or a fake. Properties a closed schema does not declare are dropped. The fake is made once, so
 * that trying another id (one a replica took meanwhile) costs little.
 */
export function newItem(
  ctx: BuildContext,
  resource: Resource,
  path: string,
  allocation: Allocation,
  input: Item,
): (id: unknown) => Item {
  const fake = fakeItem(ctx, resource, `${path} ${allocation.created}`);
  return (id) => {
    const item: Item = { [resource.idProperty]: id };
    for (const name of resource.shape.readOnly)
      if (name !== resource.idProperty && fake[name] !== undefined) item[name] = fake[name];
    Object.assign(item, withoutReadOnly(resource, input));
    return completed(ctx, resource, item, fake);
  };
}

/** PUT: the client's fields replace the item's, its readOnly fields (the id) stay. */
export function replacedItem(ctx: BuildContext, resource: Resource, existing: Item, input: Item): Item {
  const item: Item = {};
  for (const name of [resource.idProperty, ...resource.shape.readOnly])
    if (existing[name] !== undefined) item[name] = existing[name];
  Object.assign(item, withoutReadOnly(resource, input));
  return completed(ctx, resource, item, fakeItem(ctx, resource, String(existing[resource.idProperty])));
}

export function withoutReadOnly(resource: Resource, input: Item): Item {
  const out: Item = {};
  for (const [name, value] of Object.entries(input))
    if (!resource.shape.readOnly.has(name) && name !== resource.idProperty) out[name] = value;
  return out;
}

function completed(ctx: BuildContext, resource: Resource, item: Item, fake: Item): Item {
  const doc = ctx.contract.document;
  for (const name of resource.shape.required) {
    if (item[name] !== undefined || resource.shape.writeOnly.has(name)) continue;
    const node = resolvedNode(doc, resource.shape.properties[name]);
    const value =
      node?.default ?? node?.example ?? (Array.isArray(node?.examples) ? node.examples[0] : undefined) ?? fake[name];
    if (value !== undefined) item[name] = structuredClone(value);
  }
  if (resource.shape.open) return item;
  return Object.fromEntries(Object.entries(item).filter(([name]) => name in resource.shape.properties));
}

/** A valid fake of the item schema (or the last try), the source of generated fields. */
function fakeItem(ctx: BuildContext, resource: Resource, key: string): Item {
  const base = seedFrom(ctx.seed, resource.contract.id, resource.itemPath, key);
  let value: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    value = fakeValue(ctx.contract.document, schemaNode(resource.itemSchema), {
      seed: base + attempt,
      direction: "response",
      dialect: ctx.contract.dialect,
    });
    if (ctx.registry.validate(resource.itemSchema, value, { direction: "response", in: "response.body" }).length === 0)
      break;
  }
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Item) : {};
}

/** The id schema's minimum when ids are integers (the store counts them up from the highest ever given), else undefined. */
export function integerIdFloor(ctx: BuildContext, resource: Resource): number | undefined {
  const schema = resolvedNode(ctx.contract.document, resource.shape.properties[resource.idProperty]);
  if (schema?.type !== "integer" && schema?.type !== "number") return undefined;
  return typeof schema.minimum === "number" ? Math.ceil(schema.minimum) : 1;
}

/** The ids a create tries in turn until the store takes one: the counted integer, or fakes of the id schema, then a plain one. */
export function* idCandidates(
  ctx: BuildContext,
  resource: Resource,
  path: string,
  allocation: Allocation,
): Generator<unknown> {
  if (allocation.integerId !== undefined) return yield allocation.integerId;
  const node = resource.shape.properties[resource.idProperty];
  for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
    const seed = seedFrom(ctx.seed, resource.contract.id, path, String(allocation.created), String(attempt));
    const id = fakeValue(ctx.contract.document, node, { seed, direction: "response", dialect: ctx.contract.dialect });
    if (typeof id === "string" || typeof id === "number") yield id;
  }
  yield `${allocation.created}-${ID_ATTEMPTS}`; // created is never given twice, so this one is free
}
