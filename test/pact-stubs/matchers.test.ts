import { describe, expect, it } from "vitest";
import { actualFromMockRequest, checkRule, describeMismatch, matchRequest } from "../../src/pact/matching/index.js";
import { readHttpInteractions } from "../../src/pact/read-interactions.js";
import type { HttpRequest } from "../../src/http/types.js";
import { pactRegex } from "../../src/pact/matching/regex.js";

/** The matcher kinds the specification's own cases do not exercise, through the same path a stub request takes. */
function mismatches(
  expected: Record<string, unknown>,
  actual: Partial<HttpRequest> & { json?: unknown },
  specVersion = "3.0.0",
): string[] {
  const [interaction] = readHttpInteractions(
    {
      interactions: [
        { description: "t", request: { method: "POST", path: "/", ...expected }, response: { status: 200 } },
      ],
    },
    "inline",
    specVersion,
  ).interactions;
  const body = actual.json !== undefined ? Buffer.from(JSON.stringify(actual.json)) : actual.body;
  const headers = { ...(actual.json !== undefined ? { "content-type": "application/json" } : {}), ...actual.headers };
  return matchRequest(
    interaction!.request,
    actualFromMockRequest({ method: "POST", url: "/", ...actual, headers, body }),
  ).map(describeMismatch);
}

/** A JSON body `{ v: example }` with one rule at `$.v`, against `{ v: value }`. */
function valueMatches(rule: Record<string, unknown>, example: unknown, value: unknown): boolean {
  const expected = {
    headers: { "Content-Type": "application/json" },
    body: { v: example },
    matchingRules: { body: { "$.v": { matchers: [rule] } } },
  };
  return mismatches(expected, { json: { v: value } }).length === 0;
}

describe("Pact matching rules beyond the specification's cases", () => {
  it.each([
    [{ match: "integer" }, 1, 42, true],
    [{ match: "integer" }, 1, 4.5, false],
    [{ match: "integer" }, 1, "42", false],
    [{ match: "decimal" }, 1.5, 2.25, true],
    [{ match: "decimal" }, 1.5, 2, false],
    [{ match: "number" }, 1, 2.5, true],
    [{ match: "number" }, 1, "2", false],
    [{ match: "include", value: "world" }, "hello world", "small world", true],
    [{ match: "include", value: "world" }, "hello world", "hello", false],
    [{ match: "equality" }, "a", "a", true],
    [{ match: "equality" }, "a", "b", false],
    [{ match: "null" }, null, null, true],
    [{ match: "null" }, null, 0, false],
    [{ match: "boolean" }, true, false, true],
    [{ match: "boolean" }, true, "yes", false],
    [{ match: "date", format: "yyyy-MM-dd" }, "2024-01-02", "2023-12-31", true],
    [{ match: "date", format: "yyyy-MM-dd" }, "2024-01-02", "2023-13-01", false],
    [
      { match: "datetime", format: "yyyy-MM-dd'T'HH:mm:ssXXX" },
      "2024-01-02T03:04:05Z",
      "2024-01-02T03:04:05+01:00",
      true,
    ],
    [{ match: "datetime", format: "yyyy-MM-dd'T'HH:mm:ssXXX" }, "2024-01-02T03:04:05Z", "2024-01-02 03:04:05", false],
    [{ match: "time", format: "HH:mm" }, "10:00", "23:59", true],
    [{ match: "time", format: "HH:mm" }, "10:00", "24:00", false],
    [
      { match: "timestamp", timestamp: "yyyy-MM-dd HH:mm:ss.SSS" },
      "2024-01-02 03:04:05.678",
      "2024-01-02 03:04:05.000",
      true,
    ],
    [{ match: "semver" }, "1.0.0", "2.10.3-rc.1", true],
    [{ match: "semver" }, "1.0.0", "2.10", false],
    [{ match: "notEmpty" }, "x", "y", true],
    [{ match: "notEmpty" }, "x", "", false],
    [{ match: "notEmpty" }, [1], [], false],
    [{ match: "regex", regex: "^\\d+$" }, "1", "12", true],
    [{ match: "regex", regex: "\\d{1,4}" }, "1", "9999", true],
    [{ match: "regex", regex: "\\d{1,4}" }, "1", "9999X", false], // the whole value must match, as in Pact's core
    [{ match: "regex", regex: "a|b" }, "a", "axx", false],
    [{ match: "type", min: 2 }, [1, 2], [1], false],
    [{ match: "type", max: 2 }, [1], [1, 2, 3], false],
    [{ match: "type", min: 1, max: 3 }, [1], [4, 5, 6], true],
  ])("%j: %j vs %j -> %s", (rule, example, value, expected) => {
    expect(valueMatches(rule, example, value)).toBe(expected);
  });

  it("combines rules with OR when the pact says so", () => {
    const either = (value: string) =>
      mismatches(
        {
          headers: { "Content-Type": "application/json" },
          body: { v: "a" },
          matchingRules: {
            body: {
              "$.v": {
                combine: "OR",
                matchers: [
                  { match: "regex", regex: "^a$" },
                  { match: "regex", regex: "^b$" },
                ],
              },
            },
          },
        },
        { json: { v: value } },
      );
    expect(either("b")).toEqual([]);
    expect(either("c")).toHaveLength(2);
  });

  it("cascades a type matcher to every value below it, where a more specific rule does not win", () => {
    const expected = {
      headers: { "Content-Type": "application/json" },
      body: { id: 1, kind: "dog", tags: ["a"] },
      matchingRules: {
        body: { $: { matchers: [{ match: "type" }] }, "$.kind": { matchers: [{ match: "equality" }] } },
      },
    };
    expect(mismatches(expected, { json: { id: 7, kind: "dog", tags: ["x", "y"] } })).toEqual([]);
    expect(mismatches(expected, { json: { id: 7, kind: "cat", tags: [] } })).toEqual([
      'body $.kind: expected "dog" but was "cat"',
    ]);
    expect(mismatches(expected, { json: { id: "7", kind: "dog", tags: [], extra: 1 } })).toHaveLength(2); // requests take no unexpected key
  });

  it("values, eachKey and eachValue free a map's keys", () => {
    const body = { headers: { "Content-Type": "application/json" }, body: { scores: { ada: 1 } } };
    const values = {
      ...body,
      matchingRules: {
        body: { "$.scores": { matchers: [{ match: "values" }] }, "$.scores.*": { matchers: [{ match: "integer" }] } },
      },
    };
    expect(mismatches(values, { json: { scores: { bob: 2, eve: 3 } } })).toEqual([]);
    expect(mismatches(values, { json: { scores: { bob: "2" } } })).toHaveLength(1);
    const keys = {
      ...body,
      matchingRules: {
        body: { "$.scores": { matchers: [{ match: "eachKey", rules: [{ match: "regex", regex: "^[a-z]+$" }] }] } },
      },
    };
    expect(mismatches(keys, { json: { scores: { bob: 1 } } })).toEqual([]);
    expect(mismatches(keys, { json: { scores: { Bob: 1 } } })).toEqual([
      'body $.scores.Bob: expected "Bob" to match /^[a-z]+$/',
    ]);
    const eachValue = {
      ...body,
      matchingRules: { body: { "$.scores": { matchers: [{ match: "eachValue", rules: [{ match: "type" }] }] } } },
    };
    expect(mismatches(eachValue, { json: { scores: { bob: 5, eve: 6 } } })).toEqual([]);
  });

  it("arrayContains finds each variant anywhere in the list (V4)", () => {
    const expected = {
      headers: { "Content-Type": "application/json" },
      body: { events: [{ type: "created" }, { type: "paid", amount: 10 }] },
      matchingRules: {
        body: {
          "$.events": {
            matchers: [
              {
                match: "arrayContains",
                variants: [
                  { index: 0, rules: {} },
                  { index: 1, rules: { "$.amount": { matchers: [{ match: "number" }] } } },
                ],
              },
            ],
          },
        },
      },
    };
    expect(
      mismatches(
        expected,
        { json: { events: [{ type: "shipped" }, { type: "paid", amount: 99 }, { type: "created" }] } },
        "4.0",
      ),
    ).toEqual([]);
    expect(mismatches(expected, { json: { events: [{ type: "created" }] } }, "4.0")).toHaveLength(1);
  });

  it("applies rules to headers, query values and the path as text", () => {
    const expected = {
      path: "/orders/1",
      query: { page: ["1"] },
      headers: { "X-Count": "3" },
      matchingRules: {
        path: { matchers: [{ match: "regex", regex: "^/orders/\\d+$" }] },
        query: { page: { matchers: [{ match: "integer" }] } },
        header: { "X-Count": { matchers: [{ match: "integer" }] } },
      },
    };
    expect(mismatches(expected, { url: "/orders/77?page=12", headers: { "x-count": "40" } })).toEqual([]);
    expect(mismatches(expected, { url: "/orders/x?page=a", headers: { "x-count": "4.5" } })).toHaveLength(3);
  });

  it("reads V2's flat rule paths for query, headers and body", () => {
    const expected = {
      path: "/q",
      query: "q=1",
      headers: { "X-Id": "a1" },
      body: { n: 1 },
      matchingRules: {
        "$.query.q": { match: "regex", regex: "^\\d+$" },
        "$.headers.X-Id": { regex: "^a\\d$" },
        "$.body.n": { match: "type" },
      },
    };
    expect(
      mismatches(
        expected,
        { url: "/q?q=42", headers: { "x-id": "a9", "content-type": "application/json" }, body: Buffer.from('{"n":5}') },
        "2.0.0",
      ),
    ).toEqual([]);
  });

  it("statusCode classes (V4 responses)", () => {
    expect(
      checkRule({ match: "statusCode", status: "success" }, 200, 204, { cascaded: false, text: false }),
    ).toBeUndefined();
    expect(
      checkRule({ match: "statusCode", status: "clientError" }, 400, 500, { cascaded: false, text: false }),
    ).toContain("clientError");
    expect(
      checkRule({ match: "statusCode", status: [200, 201] }, 200, 202, { cascaded: false, text: false }),
    ).toContain("200 or 201");
  });

  it("matches form bodies field by field", () => {
    const expected = {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "user=ada&pin=1234",
      matchingRules: { body: { "$.pin": { matchers: [{ match: "regex", regex: "^\\d{4}$" }] } } },
    };
    expect(
      mismatches(expected, {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: Buffer.from("pin=9876&user=ada"),
      }),
    ).toEqual([]);
    expect(
      mismatches(expected, {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: Buffer.from("user=bob&pin=98"),
      }),
    ).toHaveLength(2);
  });

  it("contentType reads a whole body's type from its bytes (V4)", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const expected = {
      headers: { "Content-Type": "image/png" },
      body: { content: png.toString("base64"), contentType: "image/png", encoded: "base64" },
      matchingRules: { body: { $: { matchers: [{ match: "contentType", value: "image/png" }] } } },
    };
    expect(
      mismatches(
        expected,
        { headers: { "content-type": "image/png" }, body: Buffer.concat([png, Buffer.from([9, 9])]) },
        "4.0",
      ),
    ).toEqual([]);
    expect(
      mismatches(
        expected,
        { headers: { "content-type": "image/png" }, body: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1]) },
        "4.0",
      ),
    ).toEqual(["body: expected a body of type image/png but it looks like image/jpeg"]);
  });

  it("reads a V3 body under a binary media type as base64, as Pact's core does, and compares bytes", () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 250]);
    const expected = { headers: { "Content-Type": "image/jpeg" }, body: jpeg.toString("base64") };
    expect(mismatches(expected, { headers: { "content-type": "image/jpeg" }, body: jpeg })).toEqual([]);
    expect(
      mismatches(expected, { headers: { "content-type": "image/jpeg" }, body: Buffer.from(jpeg.toString("base64")) }),
    ).toHaveLength(1);
  });

  it("a regex from the pact runs on the linear-time engine, and refuses a hostile value", () => {
    expect(String(pactRegex("^(a+)+$"))).toBe("re2:/^(a+)+$/");
    expect(valueMatches({ match: "regex", regex: "^(a+)+$" }, "aa", `${"a".repeat(5000)}!`)).toBe(false);
  });
});
