import { readFileSync } from "node:fs";
import { generateSync, type JsonSchema } from "json-schema-faker";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { viewFor } from "../../src/fake/document-view.js";
import { jsfOptions } from "../../src/fake/options.js";
import { valueBound } from "../../src/fake/value-bound.js";
import { seedFrom } from "../../src/fake/index.js";
import { realismProvider, type RealismMark } from "../../src/fake/realism.js";
import { CASES, DIRECTIONS } from "./cases.js";

const leaf = { type: "string" };
const BOUNDS: Array<[string, unknown, number]> = [
  ["a string", leaf, 1],
  ["an enum, whatever its type", { type: "object", enum: [{ a: 1 }] }, 1],
  ["an object: itself and each property once", { type: "object", properties: { a: leaf, b: leaf } }, 3],
  ["an untyped object", { properties: { a: leaf }, required: ["a"] }, 2],
  ["an array without maxItems: the default length", { type: "array", items: leaf }, 4],
  ["an array with maxItems", { type: "array", maxItems: 10, items: leaf }, 11],
  ["an array whose minItems passes the default", { type: "array", minItems: 5, items: leaf }, 6],
  ["an array without items schema", { type: "array" }, 1],
  ["nested arrays multiply", { type: "array", items: { type: "array", items: leaf } }, 1 + 3 * 4],
  ["a type list takes its largest", { type: ["string", "object"], properties: { a: leaf, b: leaf } }, 3],
  [
    "an anyOf counts every branch, and the first twice",
    { anyOf: [leaf, { type: "object", properties: { a: leaf } }] },
    1 + 1 + 2,
  ],
  ["an untyped schema: a random type", {}, Infinity],
  ["true: a random type", true, Infinity],
  ["a required name without a property", { type: "object", required: ["x"] }, Infinity],
  ["uniqueItems retries", { type: "array", uniqueItems: true, items: leaf }, Infinity],
  ["allOf", { allOf: [leaf] }, Infinity],
  ["an anyOf beside other keywords", { type: "object", anyOf: [leaf] }, Infinity],
  ["minProperties fills", { type: "object", minProperties: 2 }, Infinity],
];

describe("valueBound", () => {
  it.each(BOUNDS)("bounds %s", (_, schema, expected) => {
    expect(valueBound(schema, 3)).toBe(expected);
  });
});

/** Every prepared schema of the fake cases and the sample contract, both ways, with its view's realism marks. */
function preparedSchemas(): Array<{ name: string; root: unknown; marks: RealismMark[] }> {
  const shop = parse(readFileSync("contracts/shop.yaml", "utf8")) as Record<string, unknown>;
  const shopCases = Object.keys((shop.components as { schemas: object }).schemas).map((name) => ({
    document: shop,
    dialect: "openapi-3.0" as const,
    pointer: `#/components/schemas/${name}`,
  }));
  return [...CASES, ...shopCases].flatMap((c) =>
    DIRECTIONS.map((direction) => {
      const settings = { dialect: c.dialect, direction, maxDepth: 6, maxItems: 3, propertyExamples: true };
      const view = viewFor(c.document, settings);
      return { name: `${c.pointer} ${direction}`, root: view.entry({ $ref: c.pointer }), marks: view.realismMarks };
    }),
  );
}

describe("a fake within its bound", () => {
  it("never has more values than the bound, and is the same without counting them", () => {
    let bounded = 0;
    for (const { name, root, marks } of preparedSchemas()) {
      const bound = valueBound(root, 3);
      if (bound === Infinity) continue;
      bounded++;
      for (let i = 0; i < 20; i++) {
        const seed = seedFrom(11, name, String(i));
        const call = { seed, maxItems: 3, optionalsProbability: 0.5 };
        const fake = (countValue: (<T>(value: T) => T) | undefined) =>
          JSON.stringify(
            generateSync(
              root as JsonSchema,
              jsfOptions({ ...call, countValue, realism: realismProvider(marks, seed) }),
            ),
          );
        let counted = 0;
        const withCount = fake((value) => (counted++, value));
        expect(counted, name).toBeLessThanOrEqual(bound);
        expect(fake(undefined), name).toBe(withCount);
      }
    }
    expect(bounded).toBeGreaterThan(20);
  });
});
