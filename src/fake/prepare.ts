import { speaksJsonSchema2020 } from "../contract/model.js";
import { allowsNull, compatValues, copyJson } from "./openapi-compat.js";
import { hiddenNames } from "./direction.js";
import { decimalMark } from "./decimals.js";
import { enumFirst } from "./enum-first.js";
import { closeAllOf } from "./closed-objects.js";
import { narrowForGeneration, tooLargeToFake } from "./limits.js";
import { isJsonObject, refKey, type JsonObject } from "./pointer.js";
import { prepareProperties } from "./prepare-object.js";
import { prepareArrayKeywords } from "./prepare-array.js";
import { prepareComposition } from "./prepare-composition.js";
import type { DocumentView } from "./document-view.js";

/**
 * Preparing a contract schema for json-schema-faker, once per schema (cached by DocumentView):
 * dialect keywords rewritten, annotations dropped, hidden (readOnly/writeOnly) properties removed,
 * and recursion bounded. Every `$ref` is prepared for a target *and a level*: a ref into the same
 * cycle as the schema it sits in goes one level deeper, any other starts at 0.
 * Past `maxDepth` a recursive ref is CUT, and the nearest place that can do without it absorbs the
 * cut: an optional property is left out, an array item schema makes the array empty (when
 * `minItems` allows), a oneOf/anyOf branch is dropped, a nullable schema becomes null. Elsewhere
 * the cut moves up one schema.
 */
export const CUT = Symbol("recursion cut");
export type Prepared = JsonObject | boolean | typeof CUT;

export interface Scope {
  readonly view: DocumentView;
  /** The document schema (pointer key) this node is part of: recursion is judged from it. */
  readonly home: string | undefined;
  readonly level: number;
  /** Properties hidden by direction on the object this node describes (from an enclosing allOf). */
  readonly hidden: ReadonlySet<string>;
  /** Set on the top node of a named schema: the name an inherited discriminator gives it. */
  readonly self?: string;
}

export const NOTHING_HIDDEN: ReadonlySet<string> = new Set();

export function prepareSchema(raw: unknown, scope: Scope): Prepared {
  if (typeof raw === "boolean") return raw;
  if (!isJsonObject(raw)) return {};
  const prepared = typeof raw.$ref === "string" ? prepareRefNode(raw, raw.$ref, scope) : prepareNode(raw, scope);
  return prepared === CUT && allowsNull(raw, scope.view.dialect) ? { type: "null" } : prepared;
}

/** A child schema describing another value (a property, an item): it starts with nothing hidden. */
export function childScope(scope: Scope): Scope {
  return { view: scope.view, home: scope.home, level: scope.level, hidden: NOTHING_HIDDEN };
}

/** The target and level of a `$ref` met in `scope`, or CUT when it recurses past maxDepth. */
export function refTarget(ref: string, scope: Scope): { key: string; level: number } | typeof CUT {
  const key = refKey(ref);
  const view = scope.view;
  view.raw(key); // a dangling ref fails here, outside jsf (whose oneOf would swallow the error)
  const level = view.graph.isRecursive(scope.home, key) ? scope.level + 1 : 0;
  if (level > view.maxDepth || view.prepared(key, level) === CUT) return CUT;
  return { key, level };
}

/**
 * A `$ref` is replaced by its target's prepared schema itself, shared, not copied: prepared schemas
 * never change, and as levels only grow inside a cycle they form no cycle themselves. jsf then
 * never resolves a ref (each costs it a context copy and a Set copy; a fifth of a fake's time).
 */
export function prepareRef(ref: string, scope: Scope): Prepared {
  const target = refTarget(ref, scope);
  return target === CUT ? CUT : scope.view.prepared(target.key, target.level);
}

/** 3.0 and 2.0 ignore the siblings of a `$ref`; in 3.1 they apply too, as an allOf. */
function prepareRefNode(raw: JsonObject, ref: string, scope: Scope): Prepared {
  const target = prepareRef(ref, scope);
  if (!speaksJsonSchema2020(scope.view.dialect) || target === CUT) return target;
  const { $ref: _ref, ...siblings } = raw;
  const rest = prepareNode(siblings, { ...scope, self: undefined });
  if (rest === CUT) return CUT;
  return Object.keys(rest).length === 0 ? target : { allOf: [target, rest] };
}

function prepareNode(raw: JsonObject, scope: Scope): Prepared {
  if (tooLargeToFake(raw)) return CUT;
  const view = scope.view;
  const out = compatValues(raw, view.dialect);
  const hidden = new Set([...scope.hidden, ...hiddenNames(raw, view.hidingKeyword, view.rawOrUndefined)]);
  if (hidden.size > 0 && Array.isArray(out.required)) out.required = out.required.filter((name) => !hidden.has(name));
  const values = enumFirst(raw, view.rawOrUndefined);
  if (values) {
    delete out.const;
    return Object.assign(out, { enum: values.map(copyJson) });
  }
  const inner: Scope = { ...scope, hidden };
  for (const part of [prepareProperties, prepareArrayKeywords, prepareComposition]) {
    if (part(raw, out, inner) === CUT) return CUT;
  }
  closeAllOf(raw, out);
  oneOfAsAnyOf(out);
  narrowForGeneration(out, view.maxItems);
  const decimal = decimalMark(out, raw.description);
  return decimal ? view.marked(out, decimal) : out;
}

/**
 * jsf makes a oneOf branch with its required properties only (`{}` for most object branches),
 * which matches every other open branch too and breaks the oneOf. As an anyOf it also makes about
 * half of the optional properties, as it does everywhere else; the branch chosen is the same.
 */
function oneOfAsAnyOf(out: JsonObject): void {
  if (!Array.isArray(out.oneOf) || out.anyOf !== undefined) return;
  out.anyOf = out.oneOf;
  delete out.oneOf;
}
