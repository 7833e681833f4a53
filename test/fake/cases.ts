import type { FakeOptions } from "../../src/fake/index.js";
import { openapi31, swagger20 } from "./fixtures-20-31.js";
import { openapi30 } from "./fixtures-30.js";

/** One schema to fake, and the required properties each direction leaves out on purpose. */
export interface FakeCase {
  document: Record<string, unknown>;
  dialect: FakeOptions["dialect"];
  pointer: string;
  hidden?: Partial<Record<FakeOptions["direction"], string[]>>;
}

const in30 = (name: string, hidden?: FakeCase["hidden"]): FakeCase => ({
  document: openapi30,
  dialect: "openapi-3.0",
  pointer: `#/components/schemas/${name}`,
  hidden,
});
const in20 = (pointer: string): FakeCase => ({ document: swagger20, dialect: "swagger-2.0", pointer });
const in31 = (name: string): FakeCase => ({
  document: openapi31,
  dialect: "openapi-3.1",
  pointer: `#/components/schemas/${name}`,
});

export const CASES: FakeCase[] = [
  ...[
    "Formats",
    "Numbers",
    "Nullables",
    "Annotated",
    "Strings",
    "Animal",
    "Shape",
    "Car",
    "Category",
    "Node",
    "Person",
    "PrivateChannel",
    "ClosedEnvelope",
    "NullTwice",
    "YamlEnum",
    "Login",
  ].map((name) => in30(name)),
  in30("Pet", { response: ["password"], request: ["id", "ownerId"] }),
  in30("Owner", { request: ["ownerId"] }),
  in30("Doc", { request: ["createdAt"] }),
  {
    document: openapi30,
    dialect: "openapi-3.0",
    pointer: "#/paths/~1pets/get/responses/200/content/application~1json/schema",
    hidden: { response: ["password"], request: ["id", "ownerId"] },
  },
  ...["#/definitions/Pet", "#/definitions/Cat", "#/definitions/Range", "#/definitions/Tree"].map(in20),
  in20("#/paths/~1file/get/responses/200/schema"),
  in20("#/paths/~1pets/get/responses/200/schema"),
  ...["Item", "Note", "Tree", "Linked"].map(in31),
];

export const DIRECTIONS: FakeOptions["direction"][] = ["response", "request"];

export function optionsFor(c: FakeCase, seed: number, direction: FakeOptions["direction"] = "response"): FakeOptions {
  return { seed, direction, dialect: c.dialect };
}

/** Every object key anywhere in a value. */
export function keysDeep(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => keysDeep(item, into));
  else if (typeof value === "object" && value !== null) {
    for (const [key, sub] of Object.entries(value)) {
      into.add(key);
      keysDeep(sub, into);
    }
  }
  return into;
}

/** How many objects deep a value nests. */
export function objectDepth(value: unknown): number {
  if (Array.isArray(value)) return Math.max(0, ...value.map(objectDepth));
  if (typeof value !== "object" || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(objectDepth));
}
