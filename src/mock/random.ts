import { seedFrom } from "../fake/seed.js";

/** A source of numbers in [0, 1): seeded, so latency and faults repeat with the same --seed. */
export type Random = () => number;

/**
 * mulberry32, the PRNG json-schema-faker and the realism faker use: one 32-bit state, good enough
 * for jitter and fault draws, and the same on every platform.
 */
export function seededRandom(seed: number, purpose: string): Random {
  let state = seedFrom(seed, purpose) | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max], both included. */
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
