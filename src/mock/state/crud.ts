import type { BuildContext } from "../build.js";
import type { RequestView } from "../request-view.js";
import type { HttpResponse } from "../../http/types.js";
import { notFound, stateFull, unprocessable, valueResponse } from "./answer.js";
import { newItem, replacedItem, withoutReadOnly } from "./item.js";
import { listValue } from "./list.js";
import { mergePatch } from "./merge-patch.js";
import type { Resource, Role } from "./resources.js";
import { jsonAnswer } from "./shape.js";
import type { Bucket, Item, StateStore } from "./store.js";

export interface CrudInput {
  ctx: BuildContext;
  view: RequestView;
  resource: Resource;
  store: StateStore;
  /** The base path the request came in under, for `Location`. */
  basePath: string;
}

/** One stateful operation; undefined leaves the request to the generated answer. */
export function crud(role: Role, input: CrudInput): HttpResponse | undefined {
  const bucket = input.store.bucket(input.resource.contract.id, collectionOf(input));
  if (role === "list") return list(input, bucket);
  if (role === "create") return create(input, bucket);
  const id = input.view.pathParams[input.resource.idParam] ?? "";
  const existing = bucket.items.get(id);
  if (!existing) return notFound(input.ctx, input.view, id);
  if (role === "get") return valueResponse(input.ctx, input.view, existing);
  if (role === "remove") {
    input.store.remove(bucket, id);
    return valueResponse(input.ctx, input.view, existing);
  }
  const body = objectBody(input.view);
  if (!body) return undefined;
  const next = role === "replace" ? replacedItem(input.ctx, input.resource, existing, body) : patched(input.resource, existing, body);
  return store(input, bucket, id, next);
}

function list(input: CrudInput, bucket: Bucket): HttpResponse | undefined {
  const answer = jsonAnswer(input.ctx.operation);
  if (!answer) return undefined;
  return valueResponse(input.ctx, input.view, listValue(input.ctx, input.resource, answer, input.view, [...bucket.items.values()]));
}

function create(input: CrudInput, bucket: Bucket): HttpResponse | undefined {
  const body = objectBody(input.view);
  if (!body) return undefined;
  const item = newItem(input.ctx, input.resource, bucket, body);
  return store(input, bucket, String(item[input.resource.idProperty]), item);
}

/** Keeps `item` when it is valid against the item schema (else 422, nothing kept) and answers it. */
function store(input: CrudInput, bucket: Bucket, id: string, item: Item): HttpResponse | undefined {
  const violations = input.ctx.registry.validate(input.resource.itemSchema, item, { direction: "response", in: "response.body" });
  if (violations.length > 0) return unprocessable(input.ctx, input.view, violations);
  const put = input.store.put(bucket, id, item);
  if (!put.kept) return stateFull(put.limit, put.value);
  return valueResponse(input.ctx, input.view, item, `${input.basePath}${bucket.path}/${encodeURIComponent(id)}`);
}

function patched(resource: Resource, existing: Item, patch: Item): Item {
  return { ...(mergePatch(existing, withoutReadOnly(resource, patch)) as Item) };
}

function objectBody(view: RequestView): Item | undefined {
  const body = view.body;
  return view.bodyIsJson && body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Item) : undefined;
}

/** The concrete collection path: `/users/{userId}/orders` with the request's userId filled in. */
function collectionOf(input: CrudInput): string {
  return input.resource.collectionPath.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(input.view.pathParams[name] ?? ""));
}
