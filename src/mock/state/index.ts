import type { BuildContext } from "../build.js";
import { parsePrefer } from "../../http/prefer.js";
import type { RequestView } from "../request-view.js";
import type { HttpResponse } from "../../http/types.js";
import { crud } from "./crud.js";
import type { ResourceIndex } from "./resources.js";
import type { StateStore } from "./store.js";

export { inferResources, NO_RESOURCES, type Resource, type ResourceIndex, type Role } from "./resources.js";
export type { Allocation, Bucket, BucketKey, Item, StateLimits, StateStore, WriteResult } from "./store.js";
export { MemoryStore } from "./memory-store.js";
export { fixtureBuckets } from "./fixtures.js";
export type { FixtureValue } from "./fixture-files.js";

/**
 * The stateful answer to a valid request, when its operation belongs to an inferred resource and the
 * client asked for nothing in particular (`Prefer: code`, `example` or `dynamic` get the generated
 * answer, as without --stateful). Undefined leaves the request to the generated answer.
 */
export function statefulAnswer(
  ctx: BuildContext,
  view: RequestView,
  resources: ResourceIndex,
  store: StateStore,
): Promise<HttpResponse | undefined> | undefined {
  const entry = resources.byOperation.get(ctx.operation);
  const prefer = parsePrefer(view.header("prefer"));
  if (!entry || prefer.code !== undefined || prefer.example !== undefined || prefer.dynamic !== undefined)
    return undefined;
  return crud(entry.role, { ctx, view, resource: entry.resource, store, basePath: basePathOf(ctx, view) });
}

/** The base path the request used (`/shop`), or "" when it came without. */
function basePathOf(ctx: BuildContext, view: RequestView): string {
  return ctx.contract.basePaths.find((b) => b !== "" && view.pathname.startsWith(`${b}/`)) ?? "";
}
