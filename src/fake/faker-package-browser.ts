import type { Faker } from "@faker-js/faker";
import { faker } from "@faker-js/faker/locale/en";

/** The browser build's stand-in for faker-package.ts (package.json's `browser` field swaps the file): a page has no require(). */
export function englishFaker(): Faker {
  return faker;
}
