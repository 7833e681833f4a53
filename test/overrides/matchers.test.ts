import { describe, expect, it } from "vitest";
import { compileMatcher } from "../../src/mock/matchers/compile-matcher.js";
import { satisfies } from "../../src/mock/matchers/evaluate.js";
import { compileJsonPath } from "../../src/mock/matchers/jsonpath.js";

const fail = (message: string, at: Array<string | number>) => new Error(`${at.join("/")}: ${message}`);
const one = (value: unknown) => ({ values: value === undefined ? [] : [value], list: false });
const list = (...values: unknown[]) => ({ values, list: true });
const matches = (spec: unknown, field: { values: unknown[]; list: boolean }) =>
  satisfies(compileMatcher(spec, ["when"], fail, true), field);

/** [case, matcher as written, what the request has, holds?] */
const CASES: Array<[string, unknown, { values: unknown[]; list: boolean }, boolean]> = [
  ["plain value compares as text", 2, one("2"), true],
  ["plain value, other text", 2, one("3"), false],
  ["plain value, nothing there", "x", one(undefined), false],
  ["equals a literal object deeply", { equals: { a: 1 } }, one({ a: 1 }), true],
  ["an object without keywords is a literal", { a: 1 }, one({ a: 1, b: 2 }), false],
  ["a list equals a list field whole", ["a", "b"], list("a", "b"), true],
  ["a list equals a list field in order", ["a", "b"], list("b", "a"), false],
  ["a scalar matches any value of a list field", "b", list("a", "b"), true],
  ["regex matches the whole value", { regex: "ord-[0-9]+" }, one("ord-42"), true],
  ["regex is anchored", { regex: "ord-[0-9]+" }, one("x-ord-42"), false],
  ["regex reads numbers as text", { regex: "4\\d" }, one(42), true],
  ["regex never matches an object", { regex: ".*" }, one({ a: 1 }), false],
  ["catastrophic regex answers (linear engine)", { regex: "(a|aa)+" }, one(`${"a".repeat(5000)}b`), false],
  [
    "catastrophic regex with a backreference answers (time budget)",
    { regex: "(a+)+\\1" },
    one(`${"a".repeat(40)}b`),
    false,
  ],
  ["contains text", { contains: "bob" }, one("jim-bob-ray"), true],
  ["contains an element of a list", { contains: "b" }, one(["a", "b"]), true],
  ["contains, missing", { contains: "z" }, one(["a", "b"]), false],
  ["absent holds with nothing", { absent: true }, one(undefined), true],
  ["absent fails with a value", { absent: true }, one(""), false],
  ["present holds with an empty string", { present: true }, one(""), true],
  ["present fails with nothing", { present: true }, list(), false],
  ["gt a number", { gt: 5 }, one(7), true],
  ["gt reads numeric text", { gt: 5 }, one("7"), true],
  ["gt equal is not greater", { gt: 5 }, one(5), false],
  ["gte equal", { gte: 5 }, one(5), true],
  ["lt and gt together: a range", { gt: 1, lt: 10 }, one(11), false],
  ["lte", { lte: 1.5 }, one(1.5), true],
  ["comparison of text that is no number", { lt: 5 }, one("abc"), false],
  ["comparison of an empty string", { lt: 5 }, one(""), false],
  ["equalToJson: types count", { equalToJson: { n: 2 } }, one({ n: "2" }), false],
  ["equalToJson: same JSON", { equalToJson: { n: 2, a: [1] } }, one({ a: [1], n: 2 }), true],
  ["equalToJson as JSON text", { equalToJson: '{"n":2}' }, one({ n: 2 }), true],
  ["equalToJson: extra fields refused", { equalToJson: { n: 2 } }, one({ n: 2, id: "x" }), false],
  [
    "equalToJson: extra fields allowed",
    { equalToJson: { n: 2 }, ignoreExtraFields: true },
    one({ n: 2, id: "x" }),
    true,
  ],
  [
    "equalToJson: ignored fields",
    { equalToJson: { n: 2, id: "a" }, ignore: ["$.id", "$.items[*].at"] },
    one({ n: 2, id: "b" }),
    true,
  ],
  [
    "equalToJson: ignored in every element",
    { equalToJson: { items: [{ q: 1, at: 1 }] }, ignore: ["$.items[*].at"] },
    one({ items: [{ q: 1, at: 9 }] }),
    true,
  ],
  ["equalToJson: ignored fields only", { equalToJson: { n: 2 }, ignore: ["$.id"] }, one({ n: 3, id: "b" }), false],
  ["and", { and: [{ regex: "a.*" }, { contains: "z" }] }, one("abz"), true],
  ["or", { or: [{ equals: "x" }, { equals: "y" }] }, one("y"), true],
  ["or, none", { or: [{ equals: "x" }, { equals: "y" }] }, one("z"), false],
  ["not", { not: { regex: "test-.*" } }, one("prod-1"), true],
  ["not of absent is present", { not: { absent: true } }, one(undefined), false],
  ["not of a plain value", { not: "x" }, one("x"), false],
];

describe("matchers: a golden table", () => {
  it.each(CASES)("%s", (_name, spec, field, expected) => expect(matches(spec, field)).toBe(expected));
});

/** [matcher as written, the JSON pointer its error names] */
const BAD: Array<[unknown, string]> = [
  [{ regx: "a" }, "when/regx"],
  [{}, "when"],
  [{ regex: "(" }, "when/regex"],
  [{ regex: 5 }, "when/regex"],
  [{ gt: "5" }, "when/gt"],
  [{ absent: false }, "when/absent"],
  [{ contains: { a: 1 } }, "when/contains"],
  [{ and: [] }, "when/and"],
  [{ or: [{ equals: 1 }, { lt: "x" }] }, "when/or/1/lt"],
  [{ not: { regex: 5 } }, "when/not/regex"],
  [{ ignore: ["$.id"] }, "when/ignore"],
  [{ equalToJson: "{not json" }, "when/equalToJson"],
  [{ equalToJson: {}, ignore: ["id"] }, "when/ignore/0"],
  [{ equalToJson: {}, ignore: "$.id" }, "when/ignore"],
  [{ regex: "a", mixed: 1 }, "when/mixed"],
];

describe("matchers refused at load", () => {
  it.each(BAD)("%j names %s", (spec, at) =>
    expect(() => compileMatcher(spec, ["when"], fail, false)).toThrow(new RegExp(`^${at}: `)),
  );

  it("reads an object without keywords as a literal where literals are allowed (bodies)", () => {
    expect(compileMatcher({ regx: "a" }, ["when"], fail, true)).toEqual({ kind: "equals", value: { regx: "a" } });
  });

  it("refuses matchers nested past the bound", () => {
    let spec: unknown = { equals: 1 };
    for (let i = 0; i < 40; i++) spec = { not: spec };
    expect(() => compileMatcher(spec, ["when"], fail, true)).toThrow(/nest deeper/);
  });
});

describe("JSONPath through jsonpath-plus", () => {
  const doc = {
    items: [
      { sku: "A", qty: 3 },
      { sku: "B", qty: 7 },
    ],
    deep: { a: { b: { c: 1 } } },
  };
  /** [path, definite?, values found] */
  const PATHS: Array<[string, boolean, unknown[]]> = [
    ["$.items[0].sku", true, ["A"]],
    ["$.items.1.qty", true, [7]],
    ["$.missing", true, []],
    ["$.items[*].sku", false, ["A", "B"]],
    ["$.items[?(@.qty > 5)].sku", false, ["B"]],
    ["$.items[?(@.qty > 1 && @.sku == 'A')].qty", false, [3]],
    ["$.items[?(@.nothing.deeper > 1)]", false, []],
    ["$..c", false, [1]],
    ["$.items[0:1].sku", false, ["A"]],
  ];
  it.each(PATHS)("%s", (text, definite, values) => {
    const path = compileJsonPath(text);
    if (typeof path === "string") throw new Error(path);
    expect([path.definite, path.read(doc)]).toEqual([definite, values]);
  });

  it.each([
    ["a.b", /must start with \$/],
    ["$.items[?(@.sku.match(/(a+)+$/))]", /does not parse|function call/],
    ["$.items[?(@.sku.repeat(1e9))]", /function call/],
    ["$[?(x = 1)]", /does not parse|operator|names/],
    ["$[?(constructor)]", /names "constructor"/],
    [`$[?(${"!".repeat(50)}@.a)]`, /nests deeper/],
  ])("refuses %s", (text, message) => expect(compileJsonPath(text)).toMatch(message));

  it("reads a deeply nested body without failing", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 500; i++) deep = { a: deep };
    const path = compileJsonPath("$..a");
    if (typeof path === "string") throw new Error(path);
    expect(path.read(deep).length).toBe(500);
  });
});
