import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { fakeValue, seedFrom } from "../../src/fake/index.js";
import { CASES, DIRECTIONS, keysDeep, optionsFor } from "./cases.js";
import { openapi30 } from "./fixtures-30.js";
import { documentValidator, realErrors } from "./validate.js";

const SEEDS = Array.from({ length: 40 }, (_, i) => seedFrom(7, String(i)));
const schema = (pointer: string) => ({ $ref: pointer });

describe("fakeValue: determinism", () => {
  it("gives the same value and bytes for the same seed, also from a fresh copy of the document", () => {
    for (const c of CASES) {
      for (const seed of SEEDS.slice(0, 5)) {
        const a = fakeValue(c.document, schema(c.pointer), optionsFor(c, seed));
        const b = fakeValue(c.document, schema(c.pointer), optionsFor(c, seed));
        const fresh = fakeValue(structuredClone(c.document), schema(c.pointer), optionsFor(c, seed));
        expect(b, c.pointer).toEqual(a);
        expect(JSON.stringify(fresh), c.pointer).toBe(JSON.stringify(a));
      }
    }
  });

  it("gives different values for different seeds", () => {
    for (const name of ["Formats", "Person", "Pet", "Strings"]) {
      const fakes = SEEDS.slice(0, 10).map((seed) =>
        JSON.stringify(
          fakeValue(openapi30, schema(`#/components/schemas/${name}`), {
            seed,
            direction: "response",
            dialect: "openapi-3.0",
          }),
        ),
      );
      expect(new Set(fakes).size, name).toBeGreaterThanOrEqual(9);
    }
  });

  it("gives the same bytes in another process and time zone", () => {
    const run = (tz: string) =>
      execFileSync(process.execPath, ["--import", "tsx", "test/fake/print-fakes.ts"], {
        env: { ...process.env, TZ: tz },
        encoding: "utf8",
      });
    const here = JSON.stringify(
      ["Formats", "Person", "Pet", "Category"].map((name) =>
        fakeValue(openapi30, schema(`#/components/schemas/${name}`), {
          seed: 99,
          direction: "response",
          dialect: "openapi-3.0",
        }),
      ),
    );
    expect(run("Pacific/Kiritimati")).toBe(here);
    expect(run("America/Los_Angeles")).toBe(here);
  });

  it("derives stable seeds", () => {
    expect(seedFrom(42, "getPet", "200", "application/json")).toBe(3500723022);
    expect(seedFrom(42, "ab", "c")).not.toBe(seedFrom(42, "a", "bc"));
    expect(seedFrom(-1)).toBeGreaterThanOrEqual(0);
  });
});

describe("fakeValue: cost per call", () => {
  it("reads the document only on the first fake of a schema, never again (big contracts stay cheap)", () => {
    let reads = 0;
    const counting = (value: unknown): unknown =>
      typeof value === "object" && value !== null
        ? new Proxy(value, { get: (target, key) => (reads++, counting(Reflect.get(target, key))) })
        : value;
    const document = counting(structuredClone(openapi30)) as Record<string, unknown>;
    const options = { seed: 1, direction: "response" as const, dialect: "openapi-3.0" as const };
    fakeValue(document, schema("#/paths/~1pets/get/responses/200/content/application~1json/schema"), options);
    expect(reads).toBeGreaterThan(0);
    reads = 0;
    for (const seed of SEEDS)
      fakeValue(document, schema("#/paths/~1pets/get/responses/200/content/application~1json/schema"), {
        ...options,
        seed,
      });
    expect(reads).toBe(0);
  });
});

describe("fakeValue: validity", () => {
  it("is checked by a validator that does reject bad values", () => {
    const validate = documentValidator(openapi30, "openapi-3.0")("#/components/schemas/Cat");
    expect(realErrors(validate, { kind: "Cat", lives: 10 })).not.toEqual([]);
    expect(realErrors(validate, { kind: "Cat", lives: 3 })).toEqual([]);
  });

  it("makes values that ajv accepts, for every schema, direction and seed", () => {
    const failures: string[] = [];
    const validators = new Map<object, ReturnType<typeof documentValidator>>();
    for (const c of CASES) {
      if (!validators.has(c.document)) validators.set(c.document, documentValidator(c.document, c.dialect));
      const validate = validators.get(c.document)!(c.pointer);
      for (const direction of DIRECTIONS) {
        for (const seed of SEEDS) {
          const value = fakeValue(c.document, schema(c.pointer), optionsFor(c, seed, direction));
          const errors = realErrors(validate, value, new Set(c.hidden?.[direction] ?? []));
          if (errors.length > 0)
            failures.push(
              `${c.pointer} ${direction} ${seed}: ${JSON.stringify(errors.map((e) => [e.instancePath, e.message]))} ${JSON.stringify(value)}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("fakeValue: readOnly and writeOnly", () => {
  it("never puts writeOnly properties in responses nor readOnly ones in requests, even when required", () => {
    for (const seed of SEEDS) {
      const asResponse = (name: string) =>
        keysDeep(
          fakeValue(openapi30, schema(`#/components/schemas/${name}`), {
            seed,
            direction: "response",
            dialect: "openapi-3.0",
          }),
        );
      const asRequest = (name: string) =>
        keysDeep(
          fakeValue(openapi30, schema(`#/components/schemas/${name}`), {
            seed,
            direction: "request",
            dialect: "openapi-3.0",
          }),
        );
      expect(asResponse("Pet").has("password")).toBe(false);
      expect(asResponse("Pet").has("id")).toBe(true);
      expect(asRequest("Pet").has("id")).toBe(false);
      expect(asRequest("Pet").has("password")).toBe(true);
      expect(asRequest("Owner").has("ownerId")).toBe(false);
      expect(asRequest("Doc").has("createdAt")).toBe(false);
      expect(asResponse("Doc").has("createdAt")).toBe(true);
    }
  });
});
