import type { Contract, Operation, SchemaRef } from "../../contract/model.js";
import { acceptsJsonBody, jsonAnswer, objectShape, schemaNode, type ObjectShape } from "./shape.js";

export type Role = "list" | "create" | "get" | "replace" | "patch" | "remove";

/** A collection and its items, inferred from the contract's paths: `/orders` and `/orders/{orderId}`. */
export interface Resource {
  contract: Contract;
  /** Path templates without the base path, as the contract writes them. */
  collectionPath: string;
  itemPath: string;
  /** The item path's last parameter: `orderId`. */
  idParam: string;
  /** The item property that holds the id: the parameter's name, else `id`, else the name without `Id`. */
  idProperty: string;
  /** One item as GET on the item (else POST on the collection) returns it. */
  itemSchema: SchemaRef;
  shape: ObjectShape;
  operations: Partial<Record<Role, Operation>>;
}

export interface ResourceIndex {
  resources: Resource[];
  byOperation: Map<Operation, { resource: Resource; role: Role }>;
}

export const NO_RESOURCES: ResourceIndex = { resources: [], byOperation: new Map() };

const ITEM_PATH = /^(.*)\/\{([^}/]+)\}$/;

/**
 * Every path that ends in one parameter (`/orders/{orderId}`) and whose parent path (`/orders`) the
 * contract also has, or whose item is readable, is a resource, when its item is a JSON object with a
 * recognisable id property. Operations of other paths are left to overrides and the generated answer.
 */
export function inferResources(contracts: Contract[]): ResourceIndex {
  const index: ResourceIndex = { resources: [], byOperation: new Map() };
  for (const contract of contracts) {
    const byPath = groupByPath(contract.operations);
    for (const [itemPath, itemOps] of byPath) {
      const m = ITEM_PATH.exec(itemPath);
      if (!m) continue;
      const resource = resourceOf(
        contract,
        m[1] || "/",
        itemPath,
        m[2]!,
        itemOps,
        byPath.get(m[1] || "/") ?? new Map(),
      );
      if (!resource) continue;
      index.resources.push(resource);
      for (const [role, operation] of Object.entries(resource.operations))
        index.byOperation.set(operation, { resource, role: role as Role });
    }
  }
  return index;
}

function groupByPath(operations: Operation[]): Map<string, Map<string, Operation>> {
  const byPath = new Map<string, Map<string, Operation>>();
  for (const op of operations) {
    const methods = byPath.get(op.path) ?? new Map<string, Operation>();
    methods.set(op.method, op);
    byPath.set(op.path, methods);
  }
  return byPath;
}

function resourceOf(
  contract: Contract,
  collectionPath: string,
  itemPath: string,
  idParam: string,
  itemOps: Map<string, Operation>,
  collectionOps: Map<string, Operation>,
): Resource | undefined {
  const source = [itemOps.get("get"), collectionOps.get("post"), itemOps.get("put")]
    .map((op) => op && jsonAnswer(op))
    .find((a) => a !== undefined);
  if (!source) return undefined;
  const shape = objectShape(contract.document, schemaNode(source.media.schema));
  const idProperty = shape && idPropertyOf(shape, idParam);
  if (!shape || !idProperty) return undefined;
  const operations: Partial<Record<Role, Operation>> = {};
  const list = collectionOps.get("get");
  const create = collectionOps.get("post");
  if (list && jsonAnswer(list)) operations.list = list;
  if (create && acceptsJsonBody(create)) operations.create = create;
  if (itemOps.get("get")) operations.get = itemOps.get("get");
  for (const [method, role] of [
    ["put", "replace"],
    ["patch", "patch"],
  ] as const) {
    const op = itemOps.get(method);
    if (op && acceptsJsonBody(op)) operations[role] = op;
  }
  if (itemOps.get("delete")) operations.remove = itemOps.get("delete");
  return {
    contract,
    collectionPath,
    itemPath,
    idParam,
    idProperty,
    itemSchema: source.media.schema,
    shape,
    operations,
  };
}

function idPropertyOf(shape: ObjectShape, idParam: string): string | undefined {
  const candidates = [idParam, "id", idParam.replace(/_?(Id|ID|id)$/, ""), ...shape.readOnly];
  return candidates.find((name) => name !== "" && name in shape.properties);
}
