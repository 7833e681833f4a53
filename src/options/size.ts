import type { Validator } from "./validators.js";

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1024,
  k: 1024,
  mb: 1024 ** 2,
  m: 1024 ** 2,
  gb: 1024 ** 3,
  g: 1024 ** 3,
};

/** `1mb` -> 1048576. Sizes are binary (1kb = 1024 bytes), as in express's body-parser. Undefined when unreadable. */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
  if (typeof value !== "string") return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = UNITS[(match?.[2] || "b").toLowerCase()];
  return match && unit !== undefined ? Math.floor(Number(match[1]) * unit) : undefined;
}

/** A number of bytes, or a size such as `1mb`. */
export const size: Validator<number> = { expected: "a size such as 1mb, 512kb or 1048576", read: parseSize };
