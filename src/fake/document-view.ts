import type { Dialect } from "../contract/model.js";
import { MockpactError } from "../errors.js";
import { hidingKeyword, type Direction } from "./direction.js";
import { isJsonObject, resolvePointer, type JsonObject } from "./pointer.js";
import { NOTHING_HIDDEN, prepareSchema, type Prepared } from "./prepare.js";
import { propertyExampleMark } from "./property-examples.js";
import { markedForRealism, realismFor, type RealismMark } from "./realism.js";
import { RefGraph } from "./ref-graph.js";

/** What a prepared schema depends on besides the document. */
export interface ViewSettings {
  dialect: Dialect;
  direction: Direction;
  maxDepth: number;
  maxItems: number;
  /** Properties take their own example where it fits (property-examples.ts). */
  propertyExamples: boolean;
}

/** Only named schemas (not `#/paths/...`) have a name for an inherited discriminator to give. */
const NAMED_SCHEMA = /^#\/(components\/schemas|definitions)\/[^/]+$/;

/**
 * Everything mockpact works out about one document for one set of settings, made lazily and kept
 * for the document's lifetime (views live in a WeakMap keyed by the document): pointer lookups,
 * the ref graph, prepared schemas per pointer and recursion level, realism marks. A call walks
 * only the schemas it fakes, and each of those is prepared once. The document is read, never
 * copied or changed: it must not change after its first fake.
 */
export class DocumentView {
  readonly graph: RefGraph;
  readonly hidingKeyword: "readOnly" | "writeOnly";
  private readonly rawByKey = new Map<string, unknown>();
  private readonly preparedByKey = new Map<string, Prepared>();
  private readonly preparedInline = new WeakMap<object, Prepared>();
  /** Entries that are a bare `{ $ref }`, by the ref: callers make a new such object for every fake. */
  private readonly preparedRefEntries = new Map<string, Prepared>();
  /** Realism marks, by the index their property's prepared schema names (see realism.ts). */
  readonly realismMarks: RealismMark[] = [];

  constructor(
    readonly document: Record<string, unknown>,
    readonly settings: ViewSettings,
  ) {
    this.graph = new RefGraph(this.rawOrUndefined);
    this.hidingKeyword = hidingKeyword(settings.direction);
  }

  get dialect(): Dialect {
    return this.settings.dialect;
  }
  get maxDepth(): number {
    return this.settings.maxDepth;
  }
  get maxItems(): number {
    return this.settings.maxItems;
  }

  readonly rawOrUndefined = (key: string): unknown => {
    if (!this.rawByKey.has(key)) this.rawByKey.set(key, resolvePointer(this.document, key));
    return this.rawByKey.get(key);
  };

  raw(key: string): unknown {
    const value = this.rawOrUndefined(key);
    if (value === undefined) {
      throw new MockpactError(
        "REF_NOT_FOUND",
        `Failed to fake a value: $ref "${key}" points at nothing in the contract`,
        {
          hint: "Fix the $ref or add the schema it names.",
          place: { pointer: key },
        },
      );
    }
    return value;
  }

  /** The prepared schema at `key` for recursion `level`. */
  prepared(key: string, level: number): Prepared {
    const cacheKey = `${level}:${key}`;
    let prepared = this.preparedByKey.get(cacheKey);
    if (prepared === undefined) {
      const self = NAMED_SCHEMA.test(key) ? key : undefined;
      prepared = prepareSchema(this.raw(key), { view: this, home: key, level, hidden: NOTHING_HIDDEN, self });
      this.preparedByKey.set(cacheKey, prepared);
    }
    return prepared;
  }

  /** The prepared form of a schema handed to fakeValue (usually `{ $ref }`). */
  entry(schema: unknown): Prepared {
    if (!isJsonObject(schema)) return this.prepareEntry(schema);
    const ref = bareRef(schema);
    if (ref !== undefined) return remembered(this.preparedRefEntries, ref, () => this.prepareEntry(schema));
    return remembered(this.preparedInline, schema, () => this.prepareEntry(schema));
  }

  private prepareEntry(schema: unknown): Prepared {
    return prepareSchema(schema, { view: this, home: undefined, level: 0, hidden: NOTHING_HIDDEN });
  }

  /**
   * The prepared schema of property `name`: its own example where it has one that fits, else a
   * realistic value where its raw schema allows (jsf's format conversions left out of an example).
   */
  withRealism(name: string, rawSchema: unknown, prepared: Prepared): Prepared {
    const example = this.settings.propertyExamples ? propertyExampleMark(rawSchema, this.rawOrUndefined) : undefined;
    const mark = example ?? realismFor(name, rawSchema);
    // A number already drawn as a decimal (decimals.ts) keeps that unless the property has its own example.
    if (!mark || !isJsonObject(prepared) || (!example && isJsonObject(prepared.faker))) return prepared;
    const marked = this.marked(prepared, mark);
    if (example) delete marked.format;
    return marked;
  }

  /** A copy of `prepared` whose value comes from `mark` (see realism.ts). */
  marked(prepared: JsonObject, mark: RealismMark): JsonObject {
    this.realismMarks.push(mark);
    return markedForRealism(prepared, this.realismMarks.length - 1);
  }
}

function remembered<K>(
  cache: { get(key: K): Prepared | undefined; set(key: K, value: Prepared): unknown },
  key: K,
  make: () => Prepared,
): Prepared {
  let prepared = cache.get(key);
  if (prepared === undefined) cache.set(key, (prepared = make()));
  return prepared;
}

/** The ref of a schema that is nothing but `{ $ref }`: it prepares the same whatever object carries it. */
function bareRef(schema: JsonObject): string | undefined {
  const ref = schema.$ref;
  if (typeof ref !== "string") return undefined;
  for (const key in schema) if (key !== "$ref") return undefined;
  return ref;
}

const views = new WeakMap<object, Map<string, DocumentView>>();

/** The view of `document` for these settings, made on first use. */
export function viewFor(document: Record<string, unknown>, settings: ViewSettings): DocumentView {
  let byDocument = views.get(document);
  if (!byDocument) views.set(document, (byDocument = new Map()));
  const key = `${settings.dialect}|${settings.direction}|${settings.maxDepth}|${settings.maxItems}|${settings.propertyExamples}`;
  let view = byDocument.get(key);
  if (!view) byDocument.set(key, (view = new DocumentView(document, { ...settings })));
  return view;
}
