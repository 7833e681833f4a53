import { describe, expect, it } from "vitest";
import { parseDelay } from "../../src/options/delay.js";
import { parseJsonPath, valueAt } from "../../src/mock/matchers/jsonpath.js";
import { sameValue } from "../../src/mock/matchers/same-value.js";
import { mergePatch } from "../../src/mock/state/merge-patch.js";
import { Scenarios } from "../../src/mock/scenarios.js";

describe("delays", () => {
  it.each([
    ["250ms", { min: 250, max: 250 }],
    ["1.5s", { min: 1500, max: 1500 }],
    ["100ms-400ms", { min: 100, max: 400 }],
    ["100-400ms", { min: 100, max: 400 }],
    ["1-2s", { min: 1000, max: 2000 }],
    [0, { min: 0, max: 0 }],
  ])("reads %s", (text, range) => expect(parseDelay(text)).toEqual(range));

  it.each(["fast", "250 minutes", "-5ms", "400ms-100ms", "61s", "1ms-2ms-3ms", 70_000])(
    "refuses %s with a message",
    (text) => {
      expect(typeof parseDelay(text)).toBe("string");
    },
  );
});

describe("definite JSONPaths (one value, as templates read them)", () => {
  const doc = { a: { "b c": [{ d: 1 }, { d: 2 }] }, items: [{ productId: "p-1" }] };
  it.each([
    ["$", doc],
    ["$.a['b c'][1].d", 2],
    ['$.a["b c"][0]', { d: 1 }],
    ["$.items[0].productId", "p-1"],
    ["$.items.0.productId", "p-1"],
    ["$.missing.x", undefined],
  ])("reads %s", (path, value) => expect(valueAt(doc, parseJsonPath(path) as Array<string | number>)).toEqual(value));

  it.each(["a.b", "$..a", "$.a[*]", "$[?(@.a)]", "$.a[1:2]"])("refuses %s", (path) =>
    expect(typeof parseJsonPath(path)).toBe("string"),
  );

  it("compares scalars by their text and structures deeply", () => {
    expect(sameValue("2", 2)).toBe(true);
    expect(sameValue(true, "true")).toBe(true);
    expect(sameValue(undefined, "undefined")).toBe(false);
    expect(sameValue({ a: [1, "x"] }, { a: [1, "x"] })).toBe(true);
    expect(sameValue({ a: 1, b: 2 }, { a: 1 })).toBe(false);
  });
});

describe("JSON merge patch (RFC 7396)", () => {
  it("merges objects, removes null members, replaces arrays and scalars", () => {
    expect(mergePatch({ a: "b", c: { d: "e", f: "g" }, t: [1, 2] }, { a: "z", c: { f: null }, t: [3] })).toEqual({
      a: "z",
      c: { d: "e" },
      t: [3],
    });
    expect(mergePatch({ a: 1 }, "x")).toBe("x");
  });
});

describe("scenarios", () => {
  it("start in Started, compare states without case, move only from the state seen, and go back on reset", async () => {
    const scenarios = new Scenarios();
    scenarios.register(new Map([["s", new Set(["paid"])]]));
    expect((await scenarios.snapshot()).isIn("s", "started")).toBe(true);
    expect(await scenarios.move("s", "shipped", "Paid")).toBe(false);
    expect(await scenarios.move("s", "STARTED", "Paid")).toBe(true);
    expect((await scenarios.snapshot()).isIn("s", "paid")).toBe(true);
    expect(await scenarios.list()).toEqual([{ name: "s", state: "Paid", states: ["Started", "paid"] }]);
    await scenarios.reset();
    expect((await scenarios.snapshot()).state("s")).toBe("Started");
  });
});
