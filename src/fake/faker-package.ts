import { createRequire } from "node:module";
import type { Faker } from "@faker-js/faker";

const requireFromHere = createRequire(import.meta.url);

/**
 * faker's English instance, loaded with the first realism value instead of at every start: its data
 * is ~15-25 ms of CPU that a mock answering examples never uses. faker ships ES modules only; require()
 * loads them synchronously on every Node mockpact supports (>= 20.19), so fakes stay synchronous. The
 * browser build swaps this file for faker-package-browser.ts (package.json's `browser` field).
 *
 * Not the package root: it loads and instantiates every one of faker's 70 locales (~200 ms and ~30 MB);
 * this entry loads English only.
 */
export function englishFaker(): Faker {
  return (requireFromHere("@faker-js/faker/locale/en") as { faker: Faker }).faker;
}
