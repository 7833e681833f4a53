/**
 * The checks the options of every command share. A validator reads a value, from a flag or from code,
 * and says what it expected when it refuses one; `checkOption` in errors.ts turns a refusal into the
 * one OPTION_INVALID error. Nothing here throws, so this floor needs no other.
 */
export interface Validator<T> {
  /** What a refused value should have been, as the error message ends: "an integer from 0 to 65535". */
  expected: string;
  /** The value as the resolver keeps it, or undefined when it is refused. */
  read(value: unknown): T | undefined;
}

function numberWhere(expected: string, test: (n: number) => boolean): Validator<number> {
  return { expected, read: (value) => (typeof value === "number" && test(value) ? value : undefined) };
}

export const integer = numberWhere("an integer", Number.isSafeInteger);

export function integerBetween(min: number, max: number): Validator<number> {
  return numberWhere(`an integer from ${min} to ${max}`, (n) => Number.isInteger(n) && n >= min && n <= max);
}

export const port = integerBetween(0, 65535);

/** A number of things to keep, where 0 keeps none. */
export const count = numberWhere("an integer of 0 or more", (n) => Number.isSafeInteger(n) && n >= 0);

/** Milliseconds of a timeout: 0 would mean "never" to node, which is not what a user asking for 0 means. */
export const duration = numberWhere("a positive number of milliseconds", (n) => Number.isSafeInteger(n) && n > 0);

/** A share of answers or requests. */
export const rate = numberWhere("a number from 0 to 1, such as 0.05", (n) => n >= 0 && n <= 1);

/** An absolute http: or https: URL, kept as given (callers trim or parse it as they need). */
export const httpUrl: Validator<string> = {
  expected: "an http(s) URL such as http://127.0.0.1:8080",
  read: (value) => (typeof value === "string" && /^https?:$/.test(urlOf(value)?.protocol ?? "") ? value : undefined),
};

function urlOf(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

export const isoDate: Validator<string> = {
  expected: "an ISO date such as 2024-01-31",
  read: (value) => (typeof value === "string" && !Number.isNaN(Date.parse(value)) ? value : undefined),
};

/** One of a few words: `json or ndjson`, `never, unimplemented or unreachable`. */
export function oneOf<C extends string>(choices: readonly C[]): Validator<C> {
  return { expected: spelledOut(choices), read: (value) => (choices.includes(value as C) ? (value as C) : undefined) };
}

/** One or more of a few words, as a list: `--faults reset,empty`. */
export function someOf<C extends string>(choices: readonly C[]): Validator<C[]> {
  return {
    expected: `a list of ${choices.join(", ")}`,
    read: (value) =>
      Array.isArray(value) && value.length > 0 && value.every((v) => choices.includes(v as C))
        ? (value as C[])
        : undefined,
  };
}

function spelledOut(words: readonly string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}
