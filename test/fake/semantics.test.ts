import { describe, expect, it } from "vitest";
import { MockpactError } from "../../src/errors.js";
import { fakeValue, seedFrom, type FakeOptions } from "../../src/fake/index.js";
import { objectDepth } from "./cases.js";
import { openapi31, swagger20 } from "./fixtures-20-31.js";
import { openapi30 } from "./fixtures-30.js";

type Obj = Record<string, unknown>;
const SEEDS = Array.from({ length: 60 }, (_, i) => seedFrom(11, String(i)));
const fake30 = (name: string, seed: number, extra: Partial<FakeOptions> = {}) =>
  fakeValue(
    openapi30,
    { $ref: `#/components/schemas/${name}` },
    { seed, direction: "response", dialect: "openapi-3.0", ...extra },
  ) as Obj;
const all = (name: string, extra: Partial<FakeOptions> = {}) => SEEDS.map((seed) => fake30(name, seed, extra));

describe("fakeValue: OpenAPI 3.0 keywords", () => {
  it("makes null and non-null values for nullable schemas, never null outside an enum", () => {
    const values = all("Nullables");
    expect(values.some((v) => v.text === null)).toBe(true);
    expect(values.some((v) => typeof v.text === "string")).toBe(true);
    expect(values.some((v) => v.object === null)).toBe(true);
    expect(values.every((v) => v.closedEnum === "a" || v.closedEnum === "b")).toBe(true);
  });

  it("gives each oneOf branch its discriminator value: the mapping key, else the schema name", () => {
    for (const animal of all("Animal")) {
      const expected = "lives" in animal ? "kitty" : "bark" in animal ? "doggo" : "Lizard";
      expect(animal.kind).toBe(expected);
    }
    for (const shape of all("Shape")) expect(shape.shape).toBe("radius" in shape ? "Circle" : "Square");
    expect(new Set(all("Animal").map((a) => a.kind)).size).toBe(3);
  });

  it("names the schema that inherits a discriminator through allOf", () => {
    for (const car of all("Car")) expect(car.vehicleType).toBe("Car");
  });

  it("drops annotations instead of reading them as properties", () => {
    for (const value of all("Annotated")) {
      for (const key of ["example", "x-internal", "xml", "externalDocs", "deprecated", "title", "description"])
        expect(value).not.toHaveProperty(key);
    }
  });

  it("keeps dates in a fixed window and formats well-formed", () => {
    for (const value of all("Formats")) {
      expect(value.dateTime).toMatch(/^20(2\d|30)-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      expect(value.date).toMatch(/^20(2\d|30)-\d\d-\d\d$/);
      expect(typeof value.custom).toBe("string");
      expect(value.int64String).toMatch(/^\d+$/);
    }
  });
});

describe("fakeValue: recursion", () => {
  it("terminates on circular schemas, nesting at most maxDepth levels below the root", () => {
    for (const maxDepth of [0, 1, 2, 3, 6]) {
      for (const seed of SEEDS.slice(0, 20)) {
        const category = fake30("Category", seed, { maxDepth });
        expect(objectDepth(category)).toBeLessThanOrEqual(maxDepth + 1);
        expect(objectDepth(fake30("Node", seed, { maxDepth }))).toBeLessThanOrEqual(maxDepth + 1);
      }
    }
  });

  it("empties required recursive arrays at maxDepth", () => {
    const node = fake30("Node", 5, { maxDepth: 0 });
    expect(node.children).toEqual([]);
  });

  it("refuses a schema whose recursion is required all the way down", () => {
    expect(() => fake30("Loop", 1)).toThrow(MockpactError);
  });
});

describe("fakeValue: Swagger 2.0 and OpenAPI 3.1", () => {
  const fake20 = (pointer: string, seed: number) =>
    fakeValue(swagger20, { $ref: pointer }, { seed, direction: "response", dialect: "swagger-2.0" });
  const fake31 = (name: string, seed: number) =>
    fakeValue(
      openapi31,
      { $ref: `#/components/schemas/${name}` },
      { seed, direction: "response", dialect: "openapi-3.1" },
    ) as Obj;

  it("reads x-nullable, type file and 2.0 discriminators", () => {
    const pets = SEEDS.map((seed) => fake20("#/definitions/Pet", seed) as Obj);
    expect(pets.some((p) => p.tag === null)).toBe(true);
    for (const seed of SEEDS.slice(0, 10)) {
      expect((fake20("#/definitions/Cat", seed) as Obj).petType).toBe("Cat");
      const file = fake20("#/paths/~1file/get/responses/200/schema", seed);
      expect(typeof file === "string" && file.length > 0 && file.length <= 16).toBe(true);
    }
  });

  it("reads 3.1 type arrays, const and $ref siblings", () => {
    const items = SEEDS.map((seed) => fake31("Item", seed));
    expect(items.every((item) => item.kind === "item")).toBe(true);
    expect(items.some((item) => item.name === null) && items.some((item) => typeof item.name === "string")).toBe(true);
    expect(items.every((item) => typeof (item.note as Obj).text === "string")).toBe(true);
  });
});

describe("fakeValue: realism", () => {
  it("gives realistic values by property name where the schema leaves room", () => {
    for (const person of all("Person")) {
      expect(person.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/i);
      expect(person.firstName).toMatch(/^[A-Z][a-z'-]+/);
      expect(person.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(person.url).toMatch(/^https?:\/\//);
      expect(String(person.createdAt)).toMatch(/^20(2\d|30)-/);
      expect((person.tinyName as string).length).toBeLessThanOrEqual(2);
      expect(person.patternEmail).toMatch(/^x+$/);
    }
  });
});
