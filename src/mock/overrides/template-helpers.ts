import type { Faker } from "@faker-js/faker";
import { dateOf, formatProblem, formatted, offsetProblem, shifted } from "./template-dates.js";
import { callFaker, fakerProblem } from "./template-faker.js";
import { jsonPathProblem, jsonPathValue } from "./template-jsonpath.js";

/** What one rendering carries to the helpers: the seeded faker, the work done so far, and the whole value. */
export interface RenderSession {
  faker(): Faker;
  iterations: number;
  chars: number;
  captured?: unknown;
}

/** Bounds of one rendering: `each` over `each` over a large list must not hold the server. */
export const MAX_ITERATIONS = 10_000;
export const MAX_RENDERED_CHARS = 1_000_000;

/** A value written in the template is known at load; anything read from the request is not. */
export const NOT_LITERAL = Symbol("not a literal");
type Hash = Record<string, unknown>;

export interface Helper {
  run(args: unknown[], hash: Hash, session: RenderSession): unknown;
  /** At load, with the arguments as written (NOT_LITERAL where they come from the request): a message, or undefined. */
  check?(args: unknown[], hash: Hash): string | undefined;
}

const literal = (value: unknown) => (value === NOT_LITERAL ? undefined : value);
const numbers = (name: string, args: unknown[]) =>
  args.map((a) => {
    const n = typeof a === "string" && a.trim() !== "" ? Number(a) : a;
    if (typeof n !== "number" || !Number.isFinite(n))
      throw new Error(`${name} needs numbers, got ${JSON.stringify(a) ?? "nothing"}`);
    return n;
  });
const arithmetic = (name: string, op: (a: number, b: number) => number): Helper => ({
  run: (args) => numbers(name, args).reduce(op),
  check: (args) => (args.length < 2 ? `${name} needs two numbers or more` : undefined),
});
/** Equal values, or equal as text where one is a number and the other text (`eq request.query.page 2`). */
const same = (a: unknown, b: unknown) =>
  a === b ||
  (typeof a !== typeof b &&
    ["string", "number"].includes(typeof a) &&
    ["string", "number"].includes(typeof b) &&
    String(a) === String(b));
const ordered = (a: unknown, b: unknown) =>
  typeof a === "number" || typeof b === "number" ? Number(a) - Number(b) : String(a).localeCompare(String(b));
const dateChecks = (hash: Hash) => offsetProblem(literal(hash.offset)) ?? formatProblem(literal(hash.format));

/** mockpact's template helpers, besides Handlebars' own `if`, `unless`, `each` (bounded) and `with`. */
export const HELPERS: Record<string, Helper> = {
  now: {
    run: (_, hash) => formatted(shifted(new Date(), hash.offset), hash.format),
    check: (_, hash) => dateChecks(hash),
  },
  date: {
    run: ([value], hash) => formatted(shifted(dateOf(value), hash.offset), hash.format),
    check: (_, hash) => dateChecks(hash),
  },
  parseDate: {
    run: ([value], hash) => dateOf(value, hash.format),
    check: (_, hash) => (hash.format === undefined ? undefined : formatProblem(literal(hash.format))),
  },
  eq: { run: ([a, b]) => same(a, b) },
  ne: { run: ([a, b]) => !same(a, b) },
  gt: { run: ([a, b]) => ordered(a, b) > 0 },
  gte: { run: ([a, b]) => ordered(a, b) >= 0 },
  lt: { run: ([a, b]) => ordered(a, b) < 0 },
  lte: { run: ([a, b]) => ordered(a, b) <= 0 },
  and: { run: (args) => args.every(Boolean) },
  or: { run: (args) => args.some(Boolean) },
  not: { run: ([a]) => !a },
  add: arithmetic("add", (a, b) => a + b),
  subtract: arithmetic("subtract", (a, b) => a - b),
  multiply: arithmetic("multiply", (a, b) => a * b),
  divide: arithmetic("divide", (a, b) => {
    if (b === 0) throw new Error("divide by zero");
    return a / b;
  }),
  jsonPath: { run: ([value, path]) => jsonPathValue(value, path), check: ([, path]) => jsonPathProblem(literal(path)) },
  randomInt: {
    run: (_, hash, session) =>
      session.faker().number.int({ min: Number(hash.lower ?? 0), max: Number(hash.upper ?? 2 ** 31 - 1) }),
    check: (_, hash) =>
      Number(literal(hash.lower) ?? 0) > Number(literal(hash.upper) ?? Infinity)
        ? "randomInt needs lower <= upper"
        : undefined,
  },
  uuid: { run: (_, __, session) => session.faker().string.uuid() },
  faker: {
    run: ([name, ...args], hash, session) =>
      callFaker(session.faker(), String(name), Object.keys(hash).length > 0 ? [...args, hash] : args),
    check: ([name, ...args], hash) => {
      const all = Object.keys(hash).length > 0 ? [...args, hash] : args;
      const known = [...args, ...Object.values(hash)].every((a) => a !== NOT_LITERAL);
      return name === NOT_LITERAL
        ? "faker needs the function's name written in the template"
        : fakerProblem(name, known ? all : undefined);
    },
  },
};
