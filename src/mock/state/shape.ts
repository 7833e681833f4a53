import type { MediaType, Operation, SchemaRef } from "../../contract/model.js";
import { carriesJson } from "../../http/media-type.js";
import { getAtPointer, isObject, resolveLocal } from "../../contract/pointer.js";
import { chooseResponse, type ChosenResponse } from "../../http/choose.js";

/** What the store needs to know of an object schema: its properties and which are required, readOnly, writeOnly. */
export interface ObjectShape {
  properties: Record<string, unknown>;
  required: string[];
  readOnly: Set<string>;
  writeOnly: Set<string>;
  /** False when `additionalProperties: false`: properties the schema does not declare are dropped. */
  open: boolean;
}

/** How far `$ref` and `allOf` are followed; real contracts need two or three levels. */
const MAX_DEPTH = 8;

/** The object shape of `schema` (a node of `doc`), `allOf` branches merged; undefined for a non-object schema. */
export function objectShape(doc: Record<string, unknown>, schema: unknown, depth = 0): ObjectShape | undefined {
  const node = resolveLocal(doc, schema, "")?.value;
  if (!isObject(node) || depth > MAX_DEPTH) return undefined;
  const shape: ObjectShape = {
    properties: {},
    required: [],
    readOnly: new Set(),
    writeOnly: new Set(),
    open: node.additionalProperties !== false,
  };
  for (const branch of Array.isArray(node.allOf) ? node.allOf : []) {
    const inner = objectShape(doc, branch, depth + 1);
    if (inner) merge(shape, inner);
  }
  if (isObject(node.properties)) {
    for (const [name, property] of Object.entries(node.properties)) {
      shape.properties[name] = property;
      const resolved = resolveLocal(doc, property, "")?.value;
      if (isObject(resolved) && resolved.readOnly === true) shape.readOnly.add(name);
      if (isObject(resolved) && resolved.writeOnly === true) shape.writeOnly.add(name);
    }
  }
  if (Array.isArray(node.required))
    shape.required.push(...node.required.filter((r): r is string => typeof r === "string"));
  const isObjectSchema = node.type === "object" || Object.keys(shape.properties).length > 0;
  return isObjectSchema ? shape : undefined;
}

function merge(into: ObjectShape, from: ObjectShape): void {
  Object.assign(into.properties, from.properties);
  into.required.push(...from.required);
  for (const name of from.readOnly) into.readOnly.add(name);
  for (const name of from.writeOnly) into.writeOnly.add(name);
}

/** The resolved schema object of a property (through `$ref`s), or undefined. */
export function resolvedNode(doc: Record<string, unknown>, schema: unknown): Record<string, unknown> | undefined {
  const node = resolveLocal(doc, schema, "")?.value;
  return isObject(node) ? node : undefined;
}

/** A SchemaRef as a schema node the faker and resolveLocal read (`{ $ref }` for a pointer). */
export function schemaNode(ref: SchemaRef): unknown {
  return "pointer" in ref ? { $ref: ref.pointer } : ref.inline;
}

export function schemaAt(doc: Record<string, unknown>, ref: SchemaRef): unknown {
  return "pointer" in ref ? getAtPointer(doc, ref.pointer) : ref.inline;
}

/** The operation's default (lowest 2xx) response and its JSON media type, when it has one. */
export interface JsonAnswer extends ChosenResponse {
  mediaKey: string;
  media: MediaType & { schema: SchemaRef };
}

export function jsonAnswer(operation: Operation, status?: number): JsonAnswer | undefined {
  const chosen = chooseResponse(operation, status);
  if (!chosen) return undefined;
  const mediaKey = Object.keys(chosen.spec.content).find(carriesJson);
  const media = mediaKey === undefined ? undefined : chosen.spec.content[mediaKey];
  return media?.schema ? { ...chosen, mediaKey: mediaKey!, media: media as JsonAnswer["media"] } : undefined;
}

export function acceptsJsonBody(operation: Operation): boolean {
  const content = operation.requestBody?.content;
  return content !== undefined && Object.keys(content).some(carriesJson);
}
