import { fakeValue, seedFrom } from "../../fake/index.js";
import type { Operation } from "../../contract/model.js";
import type { BuildContext } from "../build.js";
import type { RequestView } from "../request-view.js";
import type { Resource } from "./resources.js";
import { objectShape, resolvedNode, schemaNode, type JsonAnswer } from "./shape.js";
import type { Item } from "./store.js";

const LIMIT_NAMES = ["limit", "per_page", "perPage", "pageSize", "page_size", "size"];
const OFFSET_NAMES = ["offset", "skip", "start"];
const PAGE_NAMES = ["page", "pageNumber", "page_number"];
const ARRAY_NAMES = ["items", "data", "results", "content", "records", "entries", "elements", "values"];
const TOTAL_NAMES = ["total", "totalCount", "total_count", "totalItems", "total_items", "count"];

/**
 * GET on a collection: the stored items, filtered by query parameters that name an item property
 * (`?status=paid`), paged by the operation's own `limit`/`offset`/`page` parameters, and shaped as
 * its response schema wants: a bare array, or a page object whose array and total are filled in.
 */
export function listValue(
  ctx: BuildContext,
  resource: Resource,
  answer: JsonAnswer,
  view: RequestView,
  stored: Item[],
): unknown {
  const op = ctx.operation;
  const filtered = stored.filter((item) => matchesFilters(op, resource, view, item));
  const { offset, limit, page } = pagingOf(ctx, view);
  const items = filtered.slice(offset, limit === undefined ? undefined : offset + limit);
  const doc = ctx.contract.document;
  const schema = resolvedNode(doc, schemaNode(answer.media.schema));
  if (schema?.type === "array" || schema?.items !== undefined) return items;
  const shape = objectShape(doc, schemaNode(answer.media.schema));
  const arrayName = shape && arrayPropertyOf(doc, shape.properties);
  if (!shape || !arrayName) return items;
  const page0 = pageFake(ctx, answer, shape.required);
  const out: Item = { ...page0, [arrayName]: items };
  const totalName = TOTAL_NAMES.find((n) => resolvedNode(doc, shape.properties[n])?.type === "integer");
  if (totalName) out[totalName] = filtered.length;
  for (const [names, value] of [
    [LIMIT_NAMES, limit],
    [OFFSET_NAMES, offset],
    [PAGE_NAMES, page],
  ] as const) {
    const name = names.find((n) => n in shape.properties);
    if (name && value !== undefined) out[name] = value;
  }
  return out;
}

function matchesFilters(op: Operation, resource: Resource, view: RequestView, item: Item): boolean {
  for (const param of op.parameters) {
    if (param.in !== "query" || !(param.name in resource.shape.properties) || isPaging(param.name)) continue;
    const wanted = view.query.getAll(param.name);
    if (wanted.length > 0 && !wanted.includes(String(item[param.name]))) return false;
  }
  return true;
}

function isPaging(name: string): boolean {
  return LIMIT_NAMES.includes(name) || OFFSET_NAMES.includes(name) || PAGE_NAMES.includes(name);
}

/** Paging by the operation's own parameters, their schema `default` when the request leaves them out. */
function pagingOf(ctx: BuildContext, view: RequestView): { offset: number; limit?: number; page?: number } {
  const doc = ctx.contract.document;
  const read = (names: string[]) => {
    const param = ctx.operation.parameters.find((p) => p.in === "query" && names.includes(p.name));
    if (!param) return undefined;
    const schema = resolvedNode(doc, schemaNode(param.schema));
    const given = view.param(param.name, "query");
    const value = typeof given === "number" ? given : typeof schema?.default === "number" ? schema.default : undefined;
    return { value, firstPage: typeof schema?.minimum === "number" ? schema.minimum : 1 };
  };
  const limit = read(LIMIT_NAMES)?.value;
  const page = read(PAGE_NAMES);
  const fromPage =
    page?.value !== undefined && limit !== undefined ? Math.max(0, page.value - page.firstPage) * limit : 0;
  const offset = read(OFFSET_NAMES)?.value ?? fromPage;
  return {
    offset: Math.max(0, offset),
    limit: limit !== undefined && limit >= 0 ? limit : undefined,
    page: page?.value,
  };
}

function arrayPropertyOf(doc: Record<string, unknown>, properties: Record<string, unknown>): string | undefined {
  const arrays = Object.keys(properties).filter((n) => resolvedNode(doc, properties[n])?.type === "array");
  return arrays.find((n) => ARRAY_NAMES.includes(n)) ?? arrays[0];
}

/** The page object's other required fields (a cursor, a `links` object...), from a fake of its schema. */
function pageFake(ctx: BuildContext, answer: JsonAnswer, required: string[]): Item {
  if (required.length === 0) return {};
  const seed = seedFrom(ctx.seed, ctx.contract.id, ctx.operation.operationId, "page");
  const value = fakeValue(ctx.contract.document, schemaNode(answer.media.schema), {
    seed,
    direction: "response",
    dialect: ctx.contract.dialect,
  });
  if (value === null || typeof value !== "object") return {};
  return Object.fromEntries(required.filter((n) => n in value).map((n) => [n, (value as Item)[n]]));
}
