import { generateSync, type JsonSchema } from "json-schema-faker";
import type { Dialect } from "../contract/model.js";
import { MockpactError, isMockpactError } from "../errors.js";
import { viewFor } from "./document-view.js";
import { jsfOptions } from "./options.js";
import { MAX_FAKE_ITEMS, MAX_FAKE_LENGTH, MAX_FAKE_VALUES, valueBudget } from "./limits.js";
import { orderDatePairs } from "./date-pairs.js";
import { CUT } from "./prepare.js";
import { rootFacts } from "./root-facts.js";
import { realismProvider } from "./realism.js";
import { seedFrom, toGeneratorSeed } from "./seed.js";

export { seedFrom } from "./seed.js";

export interface FakeOptions {
  /** Any integer; derive per-call seeds with seedFrom(). */
  seed: number;
  /** response: never emit writeOnly properties; request: never emit readOnly properties. */
  direction: "response" | "request";
  dialect: Dialect;
  /** Default 6: how many times a circular schema may nest in itself. */
  maxDepth?: number;
  /** Default 3: length cap for arrays (never below their minItems). */
  maxItems?: number;
  /** Default true: a property with its own fitting `example` takes it (off: every property is faked). */
  propertyExamples?: boolean;
}

const DEFAULT_MAX_DEPTH = 6;
const DEFAULT_MAX_ITEMS = 3;

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
    propertyExamples: options.propertyExamples ?? true,
  });
  const root = view.entry(schema);
  if (root === CUT) throw noFiniteValue(schema);
  const seed = toGeneratorSeed(options.seed);
  const generate = (schemaForJsf: unknown, optionalsProbability: number) => {
    const facts = rootFacts(schemaForJsf, view.maxItems);
    if (facts.overBudget) return { overBudget: true as const };
    const budget = facts.withinBudget ? undefined : valueBudget();
    const call = {
      seed,
      maxItems: view.maxItems,
      realism: realismProvider(view.realismMarks, seedFrom(seed, "realism")),
      countValue: budget?.count,
      optionalsProbability,
    };
    try {
      return { value: generateSync(schemaForJsf as JsonSchema, jsfOptions(call)) };
    } catch (cause) {
      if (budget?.exceeded) return { overBudget: true as const };
      throw cause;
    }
  };
  try {
    const fake = generate(root, 0.5);
    if (!("overBudget" in fake)) return orderDatePairs(fake.value);
    // Required properties only: a large tree of optional ones still has a small answer.
    const lean = generate(rootFacts(root, view.maxItems).leanSchema(), 0);
    if (!("overBudget" in lean)) return orderDatePairs(lean.value);
    throw overBudget(schema);
  } catch (cause) {
    if (isMockpactError(cause)) throw cause;
    throw new MockpactError(
      "SCHEMA_COMPILE",
      `Failed to fake a value for ${describe(schema)}: ${(cause as Error).message}`,
      {
        hint: "The schema allows no value json-schema-faker can build (contradictory keywords?); add an example to the contract.",
        place: { pointer: describe(schema) },
        cause,
      },
    );
  }
}

function overBudget(schema: unknown): MockpactError {
  return new MockpactError(
    "FAKE_TOO_LARGE",
    `Failed to fake a value for ${describe(schema)}: even with required properties only it takes more than ${MAX_FAKE_VALUES.toLocaleString("en-US")} values (the fake budget)`,
    {
      hint: "Its $refs fan out (required properties of required properties...): give the response an example, or make the deep properties optional.",
      place: { pointer: describe(schema) },
    },
  );
}

function noFiniteValue(schema: unknown): MockpactError {
  return new MockpactError(
    "SCHEMA_COMPILE",
    `Failed to fake a value for ${describe(schema)}: every way to build it needs a required recursion without end or a value over the fake limits (minLength or a pattern repeat above ${MAX_FAKE_LENGTH}, minItems or minProperties above ${MAX_FAKE_ITEMS})`,
    {
      hint: "Make the recursive or oversized property optional or nullable, lower its minimum, or give the response an example.",
      place: { pointer: describe(schema) },
    },
  );
}

function describe(schema: unknown): string {
  const ref = typeof schema === "object" && schema !== null ? (schema as { $ref?: unknown }).$ref : undefined;
  return typeof ref === "string" ? ref : "an inline schema";
}
