import type { SchemaRegistry } from "../../schema/registry.js";
import type { FixtureValue } from "./fixture-files.js";
import type { Resource, ResourceIndex } from "./resources.js";
import type { Bucket, Item } from "./store.js";

const ENVELOPE_KEYS = new Set(["status", "headers", "body", "mediaType", "contentType"]);

/**
 * The store's initial items from the values of a fixtures folder (read by fixture-files.ts, or
 * carried in a bundle): each 2xx fixture of a resource's GET-item and GET-collection operations gives
 * items. Items that break the item schema or have no id are skipped; nested collections
 * (`/users/{id}/orders`) are not seeded, as their parent is unknown.
 */
export function fixtureBuckets(
  values: FixtureValue[],
  index: ResourceIndex,
  registryOf: (r: Resource) => SchemaRegistry,
): Bucket[] {
  const buckets: Bucket[] = [];
  for (const resource of index.resources) {
    if (resource.collectionPath.includes("{")) continue;
    const items = new Map<string, Item>();
    for (const fixture of values.filter((v) => belongsTo(v, resource))) {
      for (const item of itemsOf(
        unwrap(fixture.value),
        fixture.operationId === resource.operations.list?.operationId,
      )) {
        const id = item[resource.idProperty];
        const valid =
          registryOf(resource).validate(resource.itemSchema, item, { direction: "response", in: "response.body" })
            .length === 0;
        if (valid && (typeof id === "string" || typeof id === "number")) items.set(String(id), item);
      }
    }
    if (items.size > 0) buckets.push({ contract: resource.contract.id, path: resource.collectionPath, items });
  }
  return buckets;
}

function belongsTo(fixture: FixtureValue, resource: Resource): boolean {
  const id = resource.contract.id;
  const sameContract = fixture.contract === id || fixture.contract === id.replace(/\.[^.]+$/, "");
  const op = fixture.operationId;
  return sameContract && (op === resource.operations.get?.operationId || op === resource.operations.list?.operationId);
}

/** A fixture file holds the body, or `{ status, headers, body }` around it. */
function unwrap(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  return "body" in value && keys.every((k) => ENVELOPE_KEYS.has(k)) ? (value as { body: unknown }).body : value;
}

/** An item, a list of items, or a page object with one array of items. */
function itemsOf(value: unknown, isList: boolean): Item[] {
  const isItem = (v: unknown): v is Item => v !== null && typeof v === "object" && !Array.isArray(v);
  if (!isList) return isItem(value) ? [value] : [];
  if (Array.isArray(value)) return value.filter(isItem);
  if (!isItem(value)) return [];
  const array = Object.values(value).find(Array.isArray);
  return array ? array.filter(isItem) : [];
}
