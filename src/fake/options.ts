import type { GenerateSyncOptions } from "json-schema-faker";
import { FORMATS } from "./formats.js";

/**
 * Every json-schema-faker option mockpact sets, in one table, per call. Nothing is registered
 * globally (no registerFormat/define): the formats and the realism provider travel with
 * the call, so fakes depend only on their inputs. An option not set here is one jsf ignores unless
 * set (failOnInvalidTypes aside, all of them default to off).
 */
export interface CallSettings {
  seed: number;
  maxItems: number;
  /** What jsf's `faker` keyword calls into (realism.ts), in place of a faker instance. */
  realism: object;
  /**
   * Sees every value made (limits.ts: valueBudget); throws past the budget. Left out for a schema
   * that cannot reach the budget (value-bound.ts): jsf then makes the same values without the hook.
   */
  countValue: (<T>(value: T) => T) | undefined;
  /** 0.5 (about half of the optional properties), or 0 when a fake is tried again within the budget. */
  optionalsProbability: number;
}

/**
 * jsf's own depth limit stays out of the way: where it stops it writes stubs (null, "", [null])
 * that break the schema. Recursion is bounded instead by the levels of prepare.ts, and this only
 * guards against a schema nested deeper than any real contract.
 */
const JSF_MAX_DEPTH = 1000;

export function jsfOptions(call: CallSettings): GenerateSyncOptions {
  return {
    seed: call.seed,
    maxDepth: JSF_MAX_DEPTH,
    maxDefaultItems: call.maxItems, // arrays without maxItems; larger maxItems are capped in limits.ts
    optionalsProbability: call.optionalsProbability, // optional properties: about half, chosen by the seed
    alwaysFakeOptionals: false,
    fixedProbabilities: false,
    fillProperties: true,
    useDefaultValue: false, // a contract's `default` is not always valid against its own schema
    useExamplesValue: false, // nor are its `example`s: examples are chosen elsewhere (examples.ts)
    resolveJsonPath: false,
    validateSchemaVersion: false,
    failOnInvalidTypes: false, // an unknown `type` gives null instead of an exception
    defaultInvalidTypeProduct: null,
    // minDateTime/maxDateTime are left unset on purpose: see the date-time generator in formats.ts.
    formats: FORMATS, // read, never changed: jsf copies them into its own registry per call
    // No refResolver: prepared schemas hold no $ref (prepare.ts puts each target in its place).
    extensions: { faker: call.realism },
    ...(call.countValue ? { outputTransform: call.countValue } : {}),
  };
}
