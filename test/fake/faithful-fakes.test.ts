import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KNOWN_FORMATS } from "../../src/contract/formats.js";
import type { MockEvent } from "../../src/mock/options.js";
import { call, startMock, type RunningMock } from "../support/mock-server.js";

const CONTRACT = "test/contracts/faithful/fakes.yaml";
/** Seeds enough to catch a fake that is right by chance only (a date pair is in order half of the time). */
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

let mocks: RunningMock[] = [];
const warnings: string[] = [];
beforeAll(async () => {
  mocks = await Promise.all(
    SEEDS.map((seed) =>
      startMock({
        contracts: [CONTRACT],
        seed,
        onEvent: (e: MockEvent) => e.type === "warning" && warnings.push(e.message),
      }),
    ),
  );
});
afterAll(() => Promise.all(mocks.map((m) => m.close())));

/** The answer of every seed's mock: each must be a clean 2xx/4xx without a Mockpact-Warning. */
async function everySeed(path: string, headers: Record<string, string> = {}): Promise<any[]> {
  const answers = await Promise.all(mocks.map((m) => call(`${m.url}${path}`, { headers })));
  for (const answer of answers) expect(answer.headers.get("mockpact-warning"), answer.text).toBeNull();
  return answers.map((a) => ({ ...a.json, __headers: a.headers }));
}

describe("fakes use what the contract's authors wrote", () => {
  it("takes a property's own example or first examples entry, and leaves one that breaks its schema", async () => {
    for (const person of await everySeed("/people/1")) {
      expect(person).toMatchObject({ name: "Ada Lovelace", city: "London" });
      expect(person.nickname).not.toBe("Not Valid");
    }
  });

  it("fills a response header from its schema's examples", async () => {
    for (const person of await everySeed("/people/1")) expect(person.__headers.get("x-rate-limit")).toBe("120");
  });

  it("serves the valid example of an allOf part where the two patterns defeat the faker", async () => {
    for (const body of await everySeed("/codes")) expect(body.code).toBe("ABC-1234");
  });
});

describe("fakes mean what the fields say", () => {
  it("echoes the HTTP status in an error body's status and code", async () => {
    for (const error of await everySeed("/people/1", { prefer: "code=404" }))
      expect(error).toMatchObject({ status: 404, code: "404" });
  });

  it("honours a fractional multipleOf exactly, and writes money with two decimals", async () => {
    for (const person of await everySeed("/people/1")) {
      expect(String(person.ratio)).toMatch(/^(0|1)(\.\d{1,2})?$/);
      expect(String(person.salary)).toMatch(/^\d+(\.\d{1,2})?$/);
    }
  });

  it("orders dates the names pair: departure before arrival, start before end, created before updated", async () => {
    for (const trips of await everySeed("/trips")) {
      for (const trip of Object.values(trips).filter((t: any) => typeof t === "object" && t.departureTime) as any[]) {
        expect(Date.parse(trip.departureTime)).toBeLessThanOrEqual(Date.parse(trip.arrivalTime));
        expect(Date.parse(trip.startDate)).toBeLessThanOrEqual(Date.parse(trip.endDate));
        expect(Date.parse(trip.created_at)).toBeLessThanOrEqual(Date.parse(trip.updated_at));
      }
    }
  });
});

describe("fakes that are valid where the faker alone was not", () => {
  it("makes oneOf branches that differ only by required hold exactly one, and honours not: required", async () => {
    for (const contact of await everySeed("/contacts")) {
      expect(("email" in contact ? 1 : 0) + ("phone" in contact ? 1 : 0)).toBe(1);
      expect(contact).not.toHaveProperty("fax");
    }
  });

  it("fakes a oneOf over allOf references as one branch", async () => {
    for (const shape of await everySeed("/shapes")) expect(["circle", "square"]).toContain(shape.kind);
  });
});

describe("formats mockpact does not know", () => {
  it("warns once, and fakes the value as its type", async () => {
    expect(warnings.filter((w) => /iso-country-code/.test(w)).length).toBe(SEEDS.length); // one per server
    for (const person of await everySeed("/people/1")) expect(typeof person.country).toBe("string");
  });

  it("knows every format ajv-formats checks", () => {
    const { fullFormats } = createRequire(import.meta.url)("ajv-formats/dist/formats") as {
      fullFormats: Record<string, unknown>;
    };
    expect(Object.keys(fullFormats).filter((f) => !KNOWN_FORMATS.has(f))).toEqual([]);
  });
});
