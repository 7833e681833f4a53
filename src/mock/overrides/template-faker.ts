import type { Faker } from "@faker-js/faker";
import { seededFaker } from "../../fake/realism-faker.js";

/** Modules whose numbers are values, not sizes: any number is fine there. */
const VALUE_MODULES = new Set(["number", "date", "finance", "location", "commerce", "datatype"]);
/** Elsewhere a number is a length or a count (`string.alpha 10`): bounded so that no request can ask for a gigabyte. */
export const MAX_FAKER_SIZE = 1000;

type FakerFunction = (...args: unknown[]) => unknown;

/** The function `name` (`person.firstName`) of `faker`, or undefined: only a module's own functions, nothing starting with `_`. */
function fakerFunction(faker: Faker, name: string): FakerFunction | undefined {
  const [module, fn, ...rest] = name.split(".");
  if (!module || !fn || rest.length > 0 || module.startsWith("_") || fn.startsWith("_") || fn === "constructor")
    return undefined;
  const owner = (faker as unknown as Record<string, unknown>)[module];
  if (owner === null || typeof owner !== "object" || !(module in faker)) return undefined;
  const candidate = (owner as Record<string, unknown>)[fn];
  return typeof candidate === "function" ? (candidate as FakerFunction).bind(owner) : undefined;
}

/**
 * At load: the name is a faker function, and a call with the arguments written in the template (when
 * they are all literals) works, so that a typo or a missing argument fails at load, not on every request.
 */
export function fakerProblem(name: unknown, args: unknown[] | undefined): string | undefined {
  if (typeof name !== "string")
    return "faker needs the function's name as text first, such as faker 'person.firstName'";
  const fn = fakerFunction(seededFaker(0), name);
  if (!fn) return `faker '${name}' names no faker function (such as person.firstName or number.int)`;
  if (args === undefined) return undefined;
  try {
    callFaker(seededFaker(0), name, args);
    return undefined;
  } catch (error) {
    const how = args.length === 0 ? "without arguments" : "with these arguments";
    return `faker '${name}' fails when called ${how} (${(error as Error).message}); ${args.length === 0 ? "use a faker function that needs none, or give its arguments" : "fix its arguments"}`;
  }
}

/** Calls faker's `name` with `args` (a hash of named options is one object argument, as faker takes them). */
export function callFaker(faker: Faker, name: string, args: unknown[]): unknown {
  const fn = fakerFunction(faker, name);
  if (!fn) throw new Error(`faker '${name}' names no faker function`);
  if (!VALUE_MODULES.has(name.split(".")[0]!)) checkSizes(name, args);
  return fn(...args);
}

function checkSizes(name: string, args: unknown[]): void {
  const tooLarge = Math.max(Number.NEGATIVE_INFINITY, ...args.map((arg) => largestNumber(arg, 3)));
  if (tooLarge > MAX_FAKER_SIZE)
    throw new Error(`faker '${name}' was asked for ${tooLarge}; sizes and counts are at most ${MAX_FAKER_SIZE}`);
}

/** The largest number in `value` and its options objects (`{ length: { max: 5 } }`), down to `depth` levels; lists are values. */
function largestNumber(value: unknown, depth: number): number {
  if (typeof value === "number") return value;
  if (value === null || typeof value !== "object" || Array.isArray(value) || depth === 0)
    return Number.NEGATIVE_INFINITY;
  return Math.max(Number.NEGATIVE_INFINITY, ...Object.values(value).map((v) => largestNumber(v, depth - 1)));
}
