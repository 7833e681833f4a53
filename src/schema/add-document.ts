import type { Ajv as AjvCore } from "ajv";
// SchemaEnv is the class ajv keeps each added schema in (ajv's own module, so `instanceof` holds).
import { SchemaEnv as AjvSchemaEnv } from "ajv/dist/compile/index.js";

const SchemaEnv = AjvSchemaEnv as unknown as new (env: Record<string, unknown>) => object;

/** The keys ajv's `addSchema` traversal acts on; the id key is ours (see createAjv). */
const TRAVERSAL_KEYS = ["$anchor", "$dynamicAnchor"];

/** The internals of ajv 8 that `addSchema` fills in; checked before use. */
interface AjvInternals {
  opts: { schemaId?: string };
  schemas: Record<string, unknown>;
  refs: Record<string, unknown>;
  _cache: Map<unknown, unknown>;
}

/**
 * `ajv.addSchema(document, id)` without its traversal where the traversal would find nothing.
 *
 * addSchema walks every key of the document (GitHub's: 220,000 keys, ~230 ms of a 1.5 s start-up,
 * the largest single step after parsing) to collect `$id`s and `$anchor`s. Contracts use neither (the
 * id key is one no contract uses), so a plain scan for those keys decides: none found, and the
 * document is registered as addSchema registers it, with no local refs; any found (or ajv's
 * internals not as expected), and ajv's own addSchema runs, errors and all. The loader may know
 * already, from the file's text, that there is none (`knownWithoutIdentifiers`): the scan is spared.
 */
export function addDocument(
  ajv: AjvCore,
  document: object,
  id: string,
  facts: { knownWithoutIdentifiers?: boolean } = {},
): void {
  const internals = ajv as unknown as AjvInternals;
  const idKey = internals.opts.schemaId ?? "$id";
  const mayIdentify = () => facts.knownWithoutIdentifiers !== true && containsKey(document, [...TRAVERSAL_KEYS, idKey]);
  if (!hasInternals(internals) || mayIdentify()) {
    ajv.addSchema(document, id);
    return;
  }
  if (internals.schemas[id] || internals.refs[id]) throw new Error(`schema with key or id "${id}" already exists`);
  const env = new SchemaEnv({ schema: document, schemaId: idKey, meta: undefined, baseId: id, localRefs: {} });
  internals._cache.set(document, env);
  internals.schemas[id] = env;
  internals.refs[id] = env;
}

/** ajv 8 as this was written against: the fields exist and hold SchemaEnvs of the class loaded here. */
function hasInternals(ajv: AjvInternals): boolean {
  if (!(ajv._cache instanceof Map) || typeof ajv.schemas !== "object" || typeof ajv.refs !== "object") return false;
  const existing = Object.values(ajv.schemas).find((s) => typeof s === "object" && s !== null);
  return existing === undefined || existing instanceof SchemaEnv;
}

/** Whether any object anywhere in `root` has one of `keys` (iterative: documents nest deep). */
function containsKey(root: object, keys: string[]): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === "object" && item !== null) stack.push(item);
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key of keys) if (Object.hasOwn(record, key)) return true;
    for (const key in record) {
      const value = record[key];
      if (typeof value === "object" && value !== null) stack.push(value);
    }
  }
  return false;
}
