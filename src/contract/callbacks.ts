import type { Callback, Dialect, Operation } from "./model.js";
import type { Located } from "./oas3.js";
import { buildOperation } from "./operations.js";
import { mergePathItem, methodsOf } from "./path-item.js";
import { getAtPointer, isObject, joinPointer, resolveLocal } from "./pointer.js";

type Doc = Record<string, unknown>;

/**
 * Each operation's `callbacks` (OpenAPI 3.0, 3.1, 3.2), read onto the operation: every expression
 * of every named callback, every method of its path item. Swagger 2.0 has none.
 */
export function attachCallbacks(doc: Doc, dialect: Dialect, file: string, operations: Operation[]): void {
  if (dialect === "swagger-2.0") return;
  for (const operation of operations) {
    const raw = getAtPointer(doc, operation.source.pointer);
    const named = isObject(raw) && isObject(raw.callbacks) ? raw.callbacks : {};
    const callbacks: Callback[] = [];
    for (const [name, rawCallback] of Object.entries(named)) {
      const callback = resolveLocal(doc, rawCallback, joinPointer(operation.source.pointer, "callbacks", name));
      if (!callback || !isObject(callback.value)) continue;
      for (const [expression, rawItem] of Object.entries(callback.value)) {
        if (expression.startsWith("x-")) continue;
        const id = `${operation.operationId}.${name}`;
        callbacks.push(
          ...pathItemCalls(
            doc,
            dialect,
            file,
            { name, url: expression, id },
            rawItem,
            joinPointer(callback.pointer, expression),
          ),
        );
      }
    }
    if (callbacks.length > 0) operation.callbacks = callbacks;
  }
}

/** OpenAPI 3.1+ `webhooks`: named path items whose URL the subscriber gives. */
export function webhooksOf(doc: Doc, dialect: Dialect, file: string): Callback[] {
  if (dialect !== "openapi-3.1" && dialect !== "openapi-3.2") return [];
  const named = isObject(doc.webhooks) ? doc.webhooks : {};
  return Object.entries(named).flatMap(([name, rawItem]) =>
    pathItemCalls(
      doc,
      dialect,
      file,
      { name, url: "", id: `webhook.${name}` },
      rawItem,
      joinPointer("#/webhooks", name),
    ),
  );
}

function pathItemCalls(
  doc: Doc,
  dialect: Dialect,
  file: string,
  call: { name: string; url: string; id: string },
  rawItem: unknown,
  pointer: string,
): Callback[] {
  const found = resolveLocal(doc, rawItem, pointer);
  if (!found || !isObject(found.value)) return [];
  const item = { value: mergePathItem(doc, rawItem, found.value), pointer: found.pointer } as Located;
  const calls: Callback[] = [];
  for (const [method, raw, methodPointer] of methodsOf(item, dialect)) {
    const op = resolveLocal(doc, raw, methodPointer);
    if (!op || !isObject(op.value)) continue;
    const operation = buildOperation(doc, dialect, file, method, call.url, item, {
      value: op.value,
      pointer: op.pointer,
    } as Located);
    // Callbacks share no id space with the routes: an id of their own names where they belong.
    if (operation.derivedId) operation.operationId = `${call.id}.${method}`;
    calls.push({ name: call.name, url: call.url, operation });
  }
  return calls;
}
