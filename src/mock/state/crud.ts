import type { BuildContext } from "../build.js";
import type { RequestView } from "../request-view.js";
import type { HttpResponse } from "../../http/types.js";
import { notFound, stateFull, unprocessable, valueResponse } from "./answer.js";
import { idCandidates, integerIdFloor, newItem, replacedItem, withoutReadOnly } from "./item.js";
import { listValue } from "./list.js";
import { mergePatch } from "./merge-patch.js";
import type { Resource, Role } from "./resources.js";
import { jsonAnswer } from "./shape.js";
import type { BucketKey, Item, StateStore, WriteResult } from "./store.js";

export interface CrudInput {
  ctx: BuildContext;
  view: RequestView;
  resource: Resource;
  store: StateStore;
  /** The base path the request came in under, for `Location`. */
  basePath: string;
}

/** How often a PUT or PATCH reads again when another writer changed its item between its read and its write. */
const WRITE_ATTEMPTS = 5;

/** One stateful operation; undefined leaves the request to the generated answer. */
export async function crud(role: Role, input: CrudInput): Promise<HttpResponse | undefined> {
  const key: BucketKey = { contract: input.resource.contract.id, path: collectionOf(input) };
  if (role === "list") return list(input, key);
  if (role === "create") return create(input, key);
  const id = input.view.pathParams[input.resource.idParam] ?? "";
  if (role === "remove") {
    const removed = await input.store.remove(key, id);
    return removed ? valueResponse(input.ctx, input.view, removed) : notFound(input.ctx, input.view, id);
  }
  const body = role === "get" ? undefined : objectBody(input.view);
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    const existing = await input.store.item(key, id);
    if (!existing) return notFound(input.ctx, input.view, id);
    if (role === "get") return valueResponse(input.ctx, input.view, existing);
    if (!body) return undefined;
    const next =
      role === "replace"
        ? replacedItem(input.ctx, input.resource, existing, body)
        : patched(input.resource, existing, body);
    const answer = await kept(input, key, id, next, (item) => input.store.update(key, id, existing, item));
    if (answer !== "taken" && answer !== "changed") return answer;
  }
  return undefined; // another writer kept changing it: answered as without state (rare)
}

async function list(input: CrudInput, key: BucketKey): Promise<HttpResponse | undefined> {
  const answer = jsonAnswer(input.ctx.operation);
  if (!answer) return undefined;
  return valueResponse(
    input.ctx,
    input.view,
    listValue(input.ctx, input.resource, answer, input.view, await input.store.items(key)),
  );
}

/** The id comes from the store (a counted integer) or is a fake of its schema, tried until the store takes one. */
async function create(input: CrudInput, key: BucketKey): Promise<HttpResponse | undefined> {
  const body = objectBody(input.view);
  if (!body) return undefined;
  const allocation = await input.store.allocate(key, integerIdFloor(input.ctx, input.resource));
  const itemWith = newItem(input.ctx, input.resource, key.path, allocation, body);
  for (const id of idCandidates(input.ctx, input.resource, key.path, allocation)) {
    const answer = await kept(input, key, String(id), itemWith(id), (item) =>
      input.store.insert(key, String(id), item),
    );
    if (answer !== "taken" && answer !== "changed") return answer;
  }
  return undefined;
}

/**
 * Keeps `item` when it is valid against the item schema (else 422, nothing kept) and answers it; a
 * write the store refused because of another writer gives "taken" or "changed", to try again.
 */
async function kept(
  input: CrudInput,
  key: BucketKey,
  id: string,
  item: Item,
  write: (item: Item) => Promise<WriteResult>,
): Promise<HttpResponse | undefined | "taken" | "changed"> {
  const violations = input.ctx.registry.validate(input.resource.itemSchema, item, {
    direction: "response",
    in: "response.body",
  });
  if (violations.length > 0) return unprocessable(input.ctx, input.view, violations);
  const result = await write(item);
  if (result.kept)
    return valueResponse(input.ctx, input.view, item, `${input.basePath}${key.path}/${encodeURIComponent(id)}`);
  if (result.reason === "limit") return stateFull(result.limit, result.value);
  if (result.reason === "missing") return notFound(input.ctx, input.view, id);
  return result.reason;
}

function patched(resource: Resource, existing: Item, patch: Item): Item {
  return { ...(mergePatch(existing, withoutReadOnly(resource, patch)) as Item) };
}

function objectBody(view: RequestView): Item | undefined {
  const body = view.body;
  return view.bodyIsJson && body !== null && typeof body === "object" && !Array.isArray(body)
    ? (body as Item)
    : undefined;
}

/** The concrete collection path: `/users/{userId}/orders` with the request's userId filled in. */
function collectionOf(input: CrudInput): string {
  return input.resource.collectionPath.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(input.view.pathParams[name] ?? ""),
  );
}
