import { describe, expect, it } from "vitest";
import { matchRequestMediaType, negotiateMediaType, parseMediaType } from "../../src/http/media-type.js";

describe("parseMediaType", () => {
  it.each([
    ["application/json", { type: "application", subtype: "json", essence: "application/json", params: {} }],
    [
      "Application/JSON; Charset=UTF-8",
      { type: "application", subtype: "json", essence: "application/json", params: { charset: "UTF-8" } },
    ],
    [
      "application/vnd.api+json",
      { type: "application", subtype: "vnd.api+json", suffix: "json", essence: "application/vnd.api+json", params: {} },
    ],
    [
      ' multipart/form-data ; boundary="a;b\\"c" ; x=1',
      {
        type: "multipart",
        subtype: "form-data",
        essence: "multipart/form-data",
        params: { boundary: 'a;b"c', x: "1" },
      },
    ],
    [
      "text/plain;charset=utf-8;charset=latin1",
      { type: "text", subtype: "plain", essence: "text/plain", params: { charset: "utf-8" } },
    ],
    ["text/plain; novalue; a=1", { type: "text", subtype: "plain", essence: "text/plain", params: { a: "1" } }],
    ["*/*", { type: "*", subtype: "*", essence: "*/*", params: {} }],
    [
      "application/*+json",
      { type: "application", subtype: "*+json", suffix: "json", essence: "application/*+json", params: {} },
    ],
  ])("%j", (value, expected) => {
    expect(parseMediaType(value)).toEqual(expected);
  });

  it.each([
    [undefined],
    [""],
    ["json"],
    ["/json"],
    ["application/"],
    ["app lication/json"],
    ["text/plain/x"],
    ["a/b c"],
  ])("%j is not a media type", (value) => {
    expect(parseMediaType(value)).toBeUndefined();
  });

  it("treats a lone '+' at the start as no suffix", () => {
    expect(parseMediaType("application/+json")?.suffix).toBeUndefined();
  });

  it("returns the same frozen object for a repeated string", () => {
    const first = parseMediaType("application/json; charset=utf-8");
    expect(parseMediaType("application/json; charset=utf-8")).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first?.params)).toBe(true);
  });

  it("keeps a parameter named __proto__ as a parameter", () => {
    expect(Object.keys(parseMediaType("a/b; __proto__=x")?.params ?? {})).toEqual(["__proto__"]);
  });

  it("parses long hostile parameter lists in linear time", () => {
    expect(parseMediaType("a/b" + ";".repeat(200_000))?.essence).toBe("a/b");
    expect(parseMediaType("a/b" + ";x".repeat(100_000))?.params).toEqual({});
  });
});

describe("matchRequestMediaType", () => {
  const declared = ["application/json", "application/*+json", "image/*", "*/*"];
  it.each([
    ["application/json", declared, "application/json"],
    ["application/json; charset=utf-8", declared, "application/json"],
    ["APPLICATION/JSON", declared, "application/json"],
    ["application/merge-patch+json", declared, "application/*+json"],
    ["image/png", declared, "image/*"],
    ["text/csv", declared, "*/*"],
    [undefined, declared, "*/*"],
    ["application/merge-patch+json", ["application/json"], undefined],
    ["application/xml", ["application/json", "image/*"], undefined],
    ["image/png", ["*/*", "image/*"], "image/*"],
    ["text/plain", ["text/plain; charset=utf-8"], "text/plain; charset=utf-8"],
    [undefined, ["application/octet-stream"], "application/octet-stream"],
    [undefined, ["application/json"], undefined],
    ["garbage", declared, undefined],
    ["application/json", [], undefined],
  ])("Content-Type %j against %j is %j", (contentType, keys, expected) => {
    expect(matchRequestMediaType(contentType, keys)).toBe(expected);
  });
});

describe("negotiateMediaType", () => {
  const jsonXml = ["application/json", "application/xml"];
  const xmlJson = ["application/xml", "application/json"];
  it.each<[string | undefined, string[], string | null | undefined]>([
    ["application/json", [], undefined],
    [undefined, xmlJson, "application/xml"],
    ["", xmlJson, "application/xml"],
    ["*/*", xmlJson, "application/xml"],
    ["not-a-range, also bad", xmlJson, "application/xml"],
    ["application/json", xmlJson, "application/json"],
    ["application/xml", jsonXml, "application/xml"],
    ["text/html", jsonXml, null],
    ["application/xml, application/json", xmlJson, "application/json"],
    ["application/json, application/xml", xmlJson, "application/json"],
    ["application/*", xmlJson, "application/json"],
    ["application/xml;q=0.9, application/json;q=0.8", jsonXml, "application/xml"],
    ["application/json;q=0.5, */*;q=0.1", xmlJson, "application/json"],
    ["text/html, */*", xmlJson, "application/xml"],
    ["text/plain, */*", ["application/json", "text/plain"], "text/plain"],
    ["application/json;q=0, */*", jsonXml, "application/xml"],
    ["application/json;q=0", ["application/json"], null],
    ["*/*;q=0", jsonXml, null],
    ["application/*;q=0, application/json", jsonXml, "application/json"],
    ["APPLICATION/JSON", ["application/json"], "application/json"],
    ["application/json", ["application/json; charset=utf-8"], "application/json; charset=utf-8"],
    ["application/*", ["application/problem+json", "application/xml"], "application/problem+json"],
    [
      "application/problem+json, application/json",
      ["application/problem+json", "application/json"],
      "application/json",
    ],
    ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", jsonXml, "application/xml"],
    ["application/json;q=abc", ["application/json"], "application/json"],
    ["application/json;q=2, application/xml;q=0.5", xmlJson, "application/json"],
    ['application/json;ext="a,b", application/xml;q=0.1', xmlJson, "application/json"],
    ["*/json", ["application/json"], "application/json"],
  ])("Accept %j of %j is %j", (accept, available, expected) => {
    expect(negotiateMediaType(accept, available)).toBe(expected);
  });

  it("answers the same for a repeated Accept (served from the cache)", () => {
    const accept = "application/xml;q=0.5, application/json";
    expect(negotiateMediaType(accept, xmlJson)).toBe("application/json");
    expect(negotiateMediaType(accept, xmlJson)).toBe("application/json");
  });

  it("stays correct past the cache's size", () => {
    for (let n = 0; n < 600; n++)
      expect(negotiateMediaType(`application/json;q=0.${(n % 9) + 1}, x/${n}`, jsonXml)).toBe("application/json");
  });
});
