import type { Faker, LocaleDefinition, Randomizer } from "@faker-js/faker";
import { englishFaker } from "./faker-package.js";

/**
 * The faker behind realism values: one instance, never the global `faker`, re-seeded by each call
 * before its first value, so what it gives depends on that call's seed alone. Its randomizer is
 * mulberry32 (as json-schema-faker's): seeding it costs nothing, where faker's own Mersenne Twister
 * takes ~30 µs to seed, a tenth of a whole fake's time budget.
 */
class Mulberry32 implements Randomizer {
  private state = 0;

  // Arrow functions: faker calls them detached from the object.
  readonly next = (): number => {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  readonly seed = (seed: number | number[]): void => {
    this.state = (Array.isArray(seed) ? (seed[0] ?? 0) : seed) | 0;
  };
}

let instance: { faker: Faker; randomizer: Mulberry32 } | undefined;

type FakerClass = new (options: { locale: LocaleDefinition; randomizer: Randomizer }) => Faker;

/** The realism faker, seeded with `seed` (made on first use). */
export function seededFaker(seed: number): Faker {
  if (!instance) {
    // Faker's class and English data, taken from the English instance. Its data is `[en, base]` merged:
    // base only adds keys en lacks (mime types, time zones...), so every value en gave is unchanged.
    const english = englishFaker();
    const randomizer = new Mulberry32();
    const faker = new (english.constructor as FakerClass)({ locale: english.rawDefinitions, randomizer });
    instance = { faker, randomizer };
  }
  instance.randomizer.seed(seed);
  return instance.faker;
}
