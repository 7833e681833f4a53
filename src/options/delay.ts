import type { Validator } from "./validators.js";

/** Milliseconds, both ends included: `250ms` is { min: 250, max: 250 }. */
export interface DelayRange {
  min: number;
  max: number;
}

/** The longest delay accepted: past it a client has long given up, and a typo (`250s`) shows. */
export const MAX_DELAY_MS = 60_000;

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s)?$/;

/**
 * `250ms`, `1.5s`, `100ms-400ms`, `100-400ms` (the last unit applies to both ends) or a number of
 * milliseconds. Returns a message instead of throwing, so each caller names its own place.
 */
export function parseDelay(value: unknown): DelayRange | string {
  if (typeof value === "number")
    return value >= 0 && value <= MAX_DELAY_MS
      ? { min: Math.round(value), max: Math.round(value) }
      : outOfRange(String(value));
  if (typeof value !== "string") return `a delay must be a string such as 250ms or 100ms-400ms, not ${typeof value}`;
  const parts = value.trim().split(/\s*-\s*/);
  if (parts.length > 2 || parts.some((p) => !DURATION.test(p)))
    return `"${value}" is not a delay such as 250ms, 1.5s or 100ms-400ms`;
  const lastUnit = DURATION.exec(parts[parts.length - 1]!)![2] ?? "ms";
  const [min, max] = parts.map((p) => toMs(p, lastUnit));
  const range = { min: min!, max: max ?? min! };
  if (range.min > range.max) return `delay "${value}" starts above its end`;
  return range.max > MAX_DELAY_MS ? outOfRange(value) : range;
}

function toMs(part: string, fallbackUnit: string): number {
  const [, amount, unit] = DURATION.exec(part)!;
  return Math.round(Number(amount) * ((unit ?? fallbackUnit) === "s" ? 1000 : 1));
}

function outOfRange(value: string): string {
  return `delay "${value}" is not between 0 and ${MAX_DELAY_MS} ms`;
}

/** A fixed or ranged delay, as `--latency` and a mocks file's `delay` take it. */
export const delay: Validator<DelayRange> = {
  expected: "a delay such as 250ms or 50-200ms",
  read: (value) => {
    const range = parseDelay(value);
    return typeof range === "string" ? undefined : range;
  },
};
