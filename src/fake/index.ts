import { generateSync, type JsonSchema } from "json-schema-faker";
import { Faker, en } from "@faker-js/faker";
import { MockpactError, isMockpactError } from "../errors.js";
import { viewFor, type DocumentView } from "./document-view.js";
import { jsfOptions } from "./options.js";
import { CUT } from "./prepare.js";
import { applyRealism } from "./realism.js";
import { seedFrom, toGeneratorSeed } from "./seed.js";

export { seedFrom } from "./seed.js";

export interface FakeOptions {
  /** Any integer; derive per-call seeds with seedFrom(). */
  seed: number;
  /** response: never emit writeOnly properties; request: never emit readOnly properties. */
  direction: "response" | "request";
  dialect: "swagger-2.0" | "openapi-3.0" | "openapi-3.1";
  /** Default 6: how many times a circular schema may nest in itself. */
  maxDepth?: number;
  /** Default 3: length cap for arrays (never below their minItems). */
  maxItems?: number;
}

const DEFAULT_MAX_DEPTH = 6;
const DEFAULT_MAX_ITEMS = 3;

/**
 * One faker for realism values, re-seeded by every call that uses it before its first value:
 * what it returns depends on the call's seed only, never on earlier calls.
 */
let realismFaker: Faker | undefined;

/**
 * Fake a value for `schema`, whose `$ref`s are JSON pointers ("#/components/schemas/X",
 * "#/definitions/X") into `document`. Deterministic: same inputs -> same value, across processes,
 * days, Node versions.
 */
export function fakeValue(document: Record<string, unknown>, schema: unknown, options: FakeOptions): unknown {
  const view = viewFor(document, {
    dialect: options.dialect,
    direction: options.direction,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    maxItems: options.maxItems ?? DEFAULT_MAX_ITEMS,
  });
  const root = view.entry(schema);
  if (root === CUT) throw noFiniteValue(schema);
  const seed = toGeneratorSeed(options.seed);
  try {
    return generateSync(root as JsonSchema, jsfOptions({ seed, maxItems: view.maxItems, resolveRef: view.resolveRef, outputTransform: realismHook(view, seed) }));
  } catch (cause) {
    if (isMockpactError(cause)) throw cause;
    throw new MockpactError("SCHEMA_COMPILE", `Failed to fake a value for ${describe(schema)}: ${(cause as Error).message}`, {
      hint: "The schema allows no value json-schema-faker can build (contradictory keywords?); add an example to the contract.",
      place: { pointer: describe(schema) },
      cause,
    });
  }
}

/** jsf's output hook: swaps in realistic values where a property is marked for them. */
function realismHook(view: DocumentView, seed: number): (value: unknown, schema: JsonSchema) => unknown {
  let seeded: Faker | undefined;
  return (value, schema) => {
    const mark = view.realismOf(schema);
    if (!mark) return value;
    if (!seeded) {
      seeded = realismFaker ??= new Faker({ locale: [en] });
      seeded.seed(seedFrom(seed, "realism"));
    }
    return applyRealism(mark, value, seeded);
  };
}

function noFiniteValue(schema: unknown): MockpactError {
  return new MockpactError("SCHEMA_COMPILE", `Failed to fake a value for ${describe(schema)}: every path through its recursion is required, so no finite value exists`, {
    hint: "Make one recursive property optional or nullable, or give the response an example.",
    place: { pointer: describe(schema) },
  });
}

function describe(schema: unknown): string {
  const ref = typeof schema === "object" && schema !== null ? (schema as { $ref?: unknown }).$ref : undefined;
  return typeof ref === "string" ? ref : "an inline schema";
}
