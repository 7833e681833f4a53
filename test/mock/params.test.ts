import { describe, expect, it } from "vitest";
import type { Parameter, ParameterLocation, ParameterStyle, ValueShape } from "../../src/contract/model.js";
import {
  coerceString,
  parseCookieHeader,
  parseQuery,
  readParameter,
  type RawRequestParts,
} from "../../src/http/params.js";

const string: ValueShape = { type: "string" };
const integer: ValueShape = { type: "integer" };
const number: ValueShape = { type: "number" };
const boolean: ValueShape = { type: "boolean" };
const any: ValueShape = { type: "any" };
const integers: ValueShape = { type: "array", items: integer };
const strings: ValueShape = { type: "array", items: string };
const rgb: ValueShape = { type: "object", properties: { R: integer, G: integer, B: integer } };
const freeObject: ValueShape = { type: "object" };

function param(
  location: ParameterLocation,
  name: string,
  shape: ValueShape,
  style: ParameterStyle,
  explode: boolean,
  extra: Partial<Parameter> = {},
): Parameter {
  return { name, in: location, required: false, style, explode, schema: { inline: {} }, shape, ...extra };
}

function parts(over: Partial<RawRequestParts>): RawRequestParts {
  return { pathParams: {}, query: "", headers: {}, cookies: {}, ...over };
}

type Case = [label: string, style: ParameterStyle, explode: boolean, shape: ValueShape, raw: string, expected: unknown];

describe("path parameters", () => {
  const cases: Case[] = [
    ["simple primitive", "simple", false, integer, "5", 5],
    ["simple string keeps text", "simple", false, string, "blue", "blue"],
    ["simple array", "simple", false, integers, "3,4,5", [3, 4, 5]],
    ["simple array, explode changes nothing", "simple", true, strings, "a,b", ["a", "b"]],
    ["simple object as name,value pairs", "simple", false, rgb, "R,100,G,200", { R: 100, G: 200 }],
    ["simple object exploded as name=value", "simple", true, rgb, "R=100,G=200", { R: 100, G: 200 }],
    ["simple percent-decoded before splitting", "simple", false, strings, "a%2Cb,c%20d", ["a", "b", "c d"]],
    ["label primitive", "label", false, integer, ".5", 5],
    ["label number keeps its dot", "label", true, number, ".1.5", 1.5],
    ["label array", "label", false, integers, ".3,4,5", [3, 4, 5]],
    ["label array exploded", "label", true, integers, ".3.4.5", [3, 4, 5]],
    ["label object", "label", false, rgb, ".R,100,G,200", { R: 100, G: 200 }],
    ["label object exploded", "label", true, rgb, ".R=100.G=200", { R: 100, G: 200 }],
    ["matrix primitive", "matrix", false, integer, ";id=5", 5],
    ["matrix empty primitive", "matrix", false, string, ";id", ""],
    ["matrix array", "matrix", false, integers, ";id=3,4,5", [3, 4, 5]],
    ["matrix array exploded", "matrix", true, integers, ";id=3;id=4;id=5", [3, 4, 5]],
    ["matrix object", "matrix", false, rgb, ";id=R,100,G,200", { R: 100, G: 200 }],
    ["matrix object exploded", "matrix", true, rgb, ";R=100;G=200", { R: 100, G: 200 }],
  ];

  it.each(cases)("%s: %s explode=%s %j reads %j", (_label, style, explode, shape, raw, expected) => {
    const reading = readParameter(param("path", "id", shape, style, explode), parts({ pathParams: { id: raw } }));
    expect(reading).toEqual({ present: true, value: expected });
  });

  const unreadable: [label: string, style: ParameterStyle, explode: boolean, shape: ValueShape, raw: string][] = [
    ["malformed percent-encoding", "simple", false, string, "a%zzb"],
    ["truncated percent-encoding", "simple", false, string, "abc%E2%82"],
    ["label without its dot", "label", false, integer, "5"],
    ["matrix without its semicolon", "matrix", false, integer, "id=5"],
    ["matrix naming another parameter", "matrix", false, integer, ";other=5"],
    ["odd number of name,value items", "simple", false, rgb, "R,100,G"],
    ["exploded object item without '='", "simple", true, rgb, "R=100,G"],
  ];

  it.each(unreadable)("%s is a parse violation, not a throw", (_label, style, explode, shape, raw) => {
    const reading = readParameter(param("path", "id", shape, style, explode), parts({ pathParams: { id: raw } }));
    expect(reading.present).toBe(true);
    expect(reading.value).toBeUndefined();
    expect(reading.violation).toMatchObject({ in: "path", where: "id", keyword: "parse" });
    expect(reading.violation?.message).toMatch(/^Path parameter 'id' /);
  });

  it("is absent when the router captured no such name", () => {
    expect(readParameter(param("path", "id", integer, "simple", false), parts({}))).toEqual({ present: false });
  });

  it("does not find names on the record's prototype", () => {
    expect(readParameter(param("path", "constructor", string, "simple", false), parts({})).present).toBe(false);
  });
});

describe("query parameters", () => {
  const cases: [
    label: string,
    style: ParameterStyle,
    explode: boolean,
    shape: ValueShape,
    query: string,
    expected: unknown,
  ][] = [
    ["form primitive", "form", true, integer, "id=5", 5],
    ["form primitive, '+' is a space", "form", true, string, "id=a+b%20c", "a b c"],
    ["form array exploded", "form", true, integers, "id=1&id=2", [1, 2]],
    ["form array not exploded", "form", false, integers, "id=1,2", [1, 2]],
    ["form array not exploded, encoded commas split too", "form", false, integers, "id=1%2C2", [1, 2]],
    ["form array not exploded, repeated", "form", false, integers, "id=1,2&id=3", [1, 2, 3]],
    ["form array exploded keeps commas", "form", true, strings, "id=a,b", ["a,b"]],
    ["form array, one value", "form", true, integers, "id=7", [7]],
    ["form array, empty is []", "form", false, integers, "id=", []],
    ["form object not exploded", "form", false, rgb, "id=R,100,G,200", { R: 100, G: 200 }],
    ["spaceDelimited array", "spaceDelimited", false, integers, "id=1%202+3", [1, 2, 3]],
    ["spaceDelimited object", "spaceDelimited", false, rgb, "id=R%20100%20G%20200", { R: 100, G: 200 }],
    ["spaceDelimited exploded is repetition", "spaceDelimited", true, integers, "id=1&id=2", [1, 2]],
    ["pipeDelimited array", "pipeDelimited", false, integers, "id=1|2|3", [1, 2, 3]],
    ["pipeDelimited array, encoded pipes", "pipeDelimited", false, integers, "id=1%7C2", [1, 2]],
    ["pipeDelimited object", "pipeDelimited", false, rgb, "id=R|100|G|200", { R: 100, G: 200 }],
    ["repeated primitive becomes an array for ajv to reject", "form", true, integer, "id=1&id=2", [1, 2]],
    ["value-less name is an empty string", "form", true, string, "id", ""],
    ["leading '?' tolerated", "form", true, integer, "?id=5", 5],
  ];

  it.each(cases)("%s: %s explode=%s ?%s", (_label, style, explode, shape, query, expected) => {
    const reading = readParameter(param("query", "id", shape, style, explode), parts({ query }));
    expect(reading).toEqual({ present: true, value: expected });
  });

  it("reads the same values from a URLSearchParams as from the string", () => {
    const p = param("query", "id", integers, "form", true);
    const text = "id=1&id=2&x=%20";
    expect(readParameter(p, parts({ query: new URLSearchParams(text) }))).toEqual(
      readParameter(p, parts({ query: text })),
    );
  });

  it("reads each declared property of a form-exploded object from its own parameter", () => {
    const p = param("query", "color", rgb, "form", true);
    expect(readParameter(p, parts({ query: "R=100&G=200&other=x" }))).toEqual({
      present: true,
      value: { R: 100, G: 200 },
    });
  });

  it("reads a form-exploded object without declared properties from every parameter", () => {
    const p = param("query", "meta", freeObject, "form", true);
    expect(readParameter(p, parts({ query: "a=1&b=x&b=y" }))).toEqual({
      present: true,
      value: { a: "1", b: ["x", "y"] },
    });
  });

  it("is absent when none of a form-exploded object's properties is there", () => {
    expect(readParameter(param("query", "color", rgb, "form", true), parts({ query: "other=1" }))).toEqual({
      present: false,
    });
  });

  const deepObject: [label: string, shape: ValueShape, query: string, expected: unknown][] = [
    [
      "one level",
      { type: "object", properties: { color: string, size: integer } },
      "filter[color]=red&filter[size]=3&other=1",
      { color: "red", size: 3 },
    ],
    ["encoded brackets", { type: "object", properties: { size: integer } }, "filter%5Bsize%5D=3", { size: 3 }],
    [
      "nested objects",
      { type: "object", properties: { size: { type: "object", properties: { min: integer } } } },
      "filter[size][min]=3&filter[size][unit]=cm",
      { size: { min: 3, unit: "cm" } },
    ],
    [
      "repeated and [] keys as arrays",
      { type: "object", properties: { tags: strings, ids: integers } },
      "filter[tags][]=a&filter[tags][]=b&filter[ids]=1&filter[ids]=2",
      { tags: ["a", "b"], ids: [1, 2] },
    ],
    [
      "one value for an array property",
      { type: "object", properties: { ids: integers } },
      "filter[ids]=1",
      { ids: [1] },
    ],
    ["undeclared properties kept as text", rgb, "filter[R]=1&filter[X]=2", { R: 1, X: "2" }],
  ];

  it.each(deepObject)("deepObject, %s", (_label, shape, query, expected) => {
    const reading = readParameter(param("query", "filter", shape, "deepObject", true), parts({ query }));
    expect(reading).toEqual({ present: true, value: expected });
  });

  it("deepObject is absent without any bracketed key of its name", () => {
    const p = param("query", "filter", rgb, "deepObject", true);
    expect(readParameter(p, parts({ query: "filter=1&filterx[R]=1&filter[R=2" }))).toEqual({ present: false });
  });

  it("deepObject keys named __proto__ become properties, not prototypes", () => {
    const reading = readParameter(
      param("query", "f", freeObject, "deepObject", true),
      parts({ query: "f[__proto__][polluted]=1" }),
    );
    const value = reading.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("is absent when the query does not name it", () => {
    expect(readParameter(param("query", "id", integer, "form", true), parts({ query: "other=1" }))).toEqual({
      present: false,
    });
  });

  it("gives a fresh array on every read, so validation may change it", () => {
    const p = param("query", "id", strings, "form", true);
    const first = readParameter(p, parts({ query: "id=a" })).value as string[];
    first.push("changed");
    expect(readParameter(p, parts({ query: "id=a" })).value).toEqual(["a"]);
  });
});

describe("header parameters", () => {
  const cases: [label: string, explode: boolean, shape: ValueShape, value: string | string[], expected: unknown][] = [
    ["primitive", false, integer, "5", 5],
    ["array with blanks after commas", false, strings, "a, b ,c", ["a", "b", "c"]],
    ["array repeated as separate headers", false, integers, ["1", "2, 3"], [1, 2, 3]],
    ["object as name,value pairs", false, rgb, "R, 100, G, 200", { R: 100, G: 200 }],
    ["object exploded", true, rgb, "R=100, G=200", { R: 100, G: 200 }],
    ["boolean", false, boolean, "true", true],
  ];

  it.each(cases)("%s", (_label, explode, shape, value, expected) => {
    const reading = readParameter(
      param("header", "X-Rate", shape, "simple", explode),
      parts({ headers: { "x-rate": value } }),
    );
    expect(reading).toEqual({ present: true, value: expected });
  });

  it("finds a header whatever the case of its declared name", () => {
    const p = param("header", "X-Request-ID", string, "simple", false);
    expect(readParameter(p, parts({ headers: { "x-request-id": "abc" } }))).toEqual({ present: true, value: "abc" });
  });

  it("is absent when the header is missing or undefined", () => {
    const p = param("header", "X-Rate", integer, "simple", false);
    expect(readParameter(p, parts({ headers: { "x-rate": undefined } }))).toEqual({ present: false });
    expect(readParameter(p, parts({}))).toEqual({ present: false });
  });
});

describe("cookie parameters", () => {
  const cases: [
    label: string,
    explode: boolean,
    shape: ValueShape,
    cookies: Record<string, string>,
    expected: unknown,
  ][] = [
    ["primitive", true, integer, { id: "5" }, 5],
    ["array not exploded", false, integers, { id: "3,4,5" }, [3, 4, 5]],
    ["array exploded (one cookie can only hold a list)", true, integers, { id: "3,4" }, [3, 4]],
    ["object not exploded", false, rgb, { id: "R,100,G,200" }, { R: 100, G: 200 }],
    ["object exploded: one cookie per property", true, rgb, { R: "100", G: "200", session: "x" }, { R: 100, G: 200 }],
  ];

  it.each(cases)("%s", (_label, explode, shape, cookies, expected) => {
    expect(readParameter(param("cookie", "id", shape, "form", explode), parts({ cookies }))).toEqual({
      present: true,
      value: expected,
    });
  });

  it("is absent when the cookie is missing, prototype names included", () => {
    expect(readParameter(param("cookie", "toString", string, "form", true), parts({})).present).toBe(false);
  });
});

describe("content (JSON-valued) parameters", () => {
  const json = { contentMediaType: "application/json" };

  it.each<[ParameterLocation, Partial<RawRequestParts>]>([
    ["query", { query: `q=${encodeURIComponent('{"a":[1,2]}')}` }],
    ["path", { pathParams: { q: encodeURIComponent('{"a":[1,2]}') } }],
    ["header", { headers: { q: '{"a":[1,2]}' } }],
    ["cookie", { cookies: { q: '{"a":[1,2]}' } }],
  ])("parses JSON from the %s", (location, over) => {
    const reading = readParameter(
      param(location, "q", any, location === "path" ? "simple" : "form", false, json),
      parts(over),
    );
    expect(reading).toEqual({ present: true, value: { a: [1, 2] } });
  });

  it("parses +json media types as JSON", () => {
    const p = param("query", "q", any, "form", true, { contentMediaType: "application/vnd.api+json" });
    expect(readParameter(p, parts({ query: "q=1" })).value).toBe(1);
  });

  it("keeps other media types as text", () => {
    const p = param("query", "q", any, "form", true, { contentMediaType: "text/plain" });
    expect(readParameter(p, parts({ query: "q={x" })).value).toBe("{x");
  });

  it("reports bad JSON as a parse violation with a position", () => {
    const reading = readParameter(param("query", "q", any, "form", true, json), parts({ query: 'q={"a":}' }));
    expect(reading.violation).toEqual({
      in: "query",
      where: "q",
      keyword: "parse",
      message: `Query parameter 'q' is not valid JSON: Unexpected character "}" where a value was expected at position 5`,
    });
  });

  it("refuses nesting deeper than the limit before parsing", () => {
    const p = param("header", "q", any, "simple", false, json);
    const deep = "[".repeat(100) + "]".repeat(100);
    expect(readParameter(p, parts({ headers: { q: deep } })).violation).toMatchObject({
      keyword: "maxDepth",
      where: "q",
    });
    expect(readParameter(p, parts({ headers: { q: deep } }), { maxDepth: 100 }).violation).toBeUndefined();
  });
});

describe("coerceString", () => {
  const cases: [text: string, shape: ValueShape, expected: unknown][] = [
    ["42", integer, 42],
    ["-1.5e3", number, -1500],
    ["007", integer, 7],
    ["1.5", integer, 1.5], // a number: ajv reports that it is not an integer
    ["abc", integer, "abc"],
    ["", integer, ""],
    [" 1", integer, " 1"],
    ["0x10", integer, "0x10"],
    ["Infinity", number, "Infinity"],
    ["1e999", number, "1e999"],
    ["true", boolean, true],
    ["false", boolean, false],
    ["TRUE", boolean, "TRUE"],
    ["1", boolean, "1"],
    ["", { type: "null" }, null],
    ["null", { type: "null" }, null],
    ["x", { type: "null" }, "x"],
    ["5", any, "5"],
    ["5", string, "5"],
    ["5", integers, [5]],
  ];

  it.each(cases)("%j as %j is %j", (text, shape, expected) => {
    expect(coerceString(text, shape)).toStrictEqual(expected);
  });
});

describe("parseQuery", () => {
  const cases: [query: string, expected: [string, string[]][]][] = [
    ["", []],
    [
      "a=1&b=2&a=3",
      [
        ["a", ["1", "3"]],
        ["b", ["2"]],
      ],
    ],
    [
      "a&&b=",
      [
        ["a", [""]],
        ["b", [""]],
      ],
    ],
    ["a=1=2", [["a", ["1=2"]]]],
    ["x+y=a+b", [["x y", ["a b"]]]],
    [
      "a=%zz&b=%41",
      [
        ["a", ["%zz"]],
        ["b", ["A"]],
      ],
    ],
    ["f%5Bx%5D=%E2%82%AC", [["f[x]", ["€"]]]],
  ];

  it.each(cases)("%j", (query, expected) => {
    expect([...parseQuery(query)]).toEqual(expected);
  });

  it("parses 200,000 pairs without '=' (a quadratic scan would not finish)", () => {
    expect(parseQuery("a&".repeat(200_000)).get("a")).toHaveLength(200_000);
  });
});

describe("parseCookieHeader", () => {
  const cases: [header: string | undefined, expected: Record<string, string>][] = [
    [undefined, {}],
    ["", {}],
    ["a=1", { a: "1" }],
    ["a=1; b=2;c=3", { a: "1", b: "2", c: "3" }],
    ["a=1; a=2", { a: "1" }],
    ['q="quoted value"', { q: "quoted value" }],
    ["e=a%20b; bad=%zz", { e: "a b", bad: "%zz" }],
    ["novalue; x=1", { x: "1" }],
    ["t=a=b", { t: "a=b" }],
    [" spaced = v ", { spaced: "v" }],
  ];

  it.each(cases)("%j", (header, expected) => {
    expect(parseCookieHeader(header)).toEqual(expected);
  });

  it("keeps a cookie named __proto__ as a property", () => {
    const cookies = parseCookieHeader("__proto__=x");
    expect(Object.getPrototypeOf(cookies)).toBe(Object.prototype);
    expect(Object.hasOwn(cookies, "__proto__")).toBe(true);
  });
});
