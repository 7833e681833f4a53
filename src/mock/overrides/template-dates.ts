import type { Duration } from "date-fns"; // erased: types only
import { dateFunctions } from "../load-on-demand.js";

/** `+3 days`, `-2 hours`, `1 years 2 months`: WireMock's offset words, singular or plural. */
const OFFSET_PART = /([+-]?\d+)\s*(second|minute|hour|day|week|month|year)s?/gi;
const OFFSET = /^\s*([+-]?\d+\s*(second|minute|hour|day|week|month|year)s?[\s,]*)+$/i;

/** A `now`/`date` option as written: checked once at load when it is a literal. */
export function offsetProblem(offset: unknown): string | undefined {
  if (offset === undefined) return undefined;
  return typeof offset === "string" && OFFSET.test(offset)
    ? undefined
    : `offset '${String(offset)}' is not like '+3 days' or '-2 hours' (seconds, minutes, hours, days, weeks, months, years)`;
}

export function formatProblem(format: unknown): string | undefined {
  if (format === undefined || format === "epoch" || format === "unix") return undefined;
  if (typeof format !== "string") return `format must be text, such as 'yyyy-MM-dd'`;
  try {
    const { format: formatDate, UTCDate } = dateFunctions();
    formatDate(new UTCDate(0), format);
    return undefined;
  } catch (error) {
    return `format '${format}': ${(error as Error).message}`;
  }
}

/** A date moved by `offset`: each part added in turn, in UTC. */
export function shifted(date: Date, offset: unknown): Date {
  const problem = offsetProblem(offset);
  if (problem) throw new Error(problem);
  if (offset === undefined) return date;
  const duration: Duration = {};
  for (const [, amount, unit] of (offset as string).matchAll(OFFSET_PART)) {
    const key = `${unit!.toLowerCase()}s` as keyof Duration;
    duration[key] = (duration[key] ?? 0) + Number(amount);
  }
  const { add, UTCDate } = dateFunctions();
  return add(new UTCDate(date.getTime()), duration);
}

/** ISO 8601 in UTC by default (as WireMock writes `now`); `epoch` is milliseconds, `unix` seconds; else a date-fns pattern. */
export function formatted(date: Date, format: unknown): string | number {
  const problem = formatProblem(format);
  if (problem) throw new Error(problem);
  if (format === "epoch") return date.getTime();
  if (format === "unix") return Math.floor(date.getTime() / 1000);
  if (format === undefined) return date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const { format: formatDate, UTCDate } = dateFunctions();
  return formatDate(new UTCDate(date.getTime()), format as string);
}

/** A date from a template value: a Date, epoch milliseconds, ISO 8601 text, or text in `pattern`. */
export function dateOf(value: unknown, pattern?: unknown): Date {
  const { parse, isValid, UTCDate } = dateFunctions();
  let date: Date;
  if (value instanceof Date) date = value;
  else if (typeof value === "number") date = new Date(value);
  else if (typeof value === "string" && typeof pattern === "string") date = parse(value, pattern, new UTCDate(0));
  else if (typeof value === "string") date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  else date = new Date(Number.NaN);
  if (!isValid(date))
    throw new Error(
      `${JSON.stringify(value) ?? "nothing"} is not a date${typeof pattern === "string" ? ` in the format '${pattern}'` : ""}`,
    );
  return new Date(date.getTime());
}
