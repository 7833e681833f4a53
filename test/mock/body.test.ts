import { describe, expect, it } from "vitest";
import { jsonNestingExceeds, parseBody, parseJsonText } from "../../src/http/body.js";

const limits = { maxDepth: 64 };

function multipart(boundary: string, parts: string[]): Buffer {
  return Buffer.from(parts.map((part) => `--${boundary}\r\n${part}\r\n`).join("") + `--${boundary}--\r\n`, "latin1");
}

describe("parseBody: JSON", () => {
  it.each([
    ["application/json", '{"a":[1,"x",null]}', { a: [1, "x", null] }],
    ["application/json; charset=utf-8", '"€"', "€"],
    ["application/problem+json", "[]", []],
    ["application/vnd.api+json", "{}", {}],
    ["APPLICATION/JSON", "1", 1],
    ["application/json", '\uFEFF{"bom":true}', { bom: true }],
    ["application/json", '{"s":"[[[[{{{{"}', { s: "[[[[{{{{" }],
  ])("%s %s parses", async (contentType, text, expected) => {
    expect(await parseBody(Buffer.from(text), contentType, limits)).toEqual({
      body: { kind: "json", value: expected },
    });
  });

  it.each([undefined, Buffer.alloc(0)])("an empty body (%s) is none", async (body) => {
    expect(await parseBody(body, "application/json", limits)).toEqual({ body: { kind: "none" } });
  });

  it.each([
    ['{"a":}', `Unexpected character "}" where a value was expected at position 5`],
    ['{"a":1', "Unexpected end of input at position 6"],
    ["[1,2,]", `Unexpected character "]" where a value was expected at position 5`],
    ['{"a":1}x', `Unexpected character "x" after the end of the JSON value at position 7`],
    ['"abc', "Unterminated string at position 4"],
    ["{a:1}", `Unexpected character "a" where a property name in double quotes was expected at position 1`],
    ['{"a" 1}', `Unexpected character "1" where ':' was expected at position 5`],
    ["[1 2]", `Unexpected character "2" where ',' or ']' was expected at position 3`],
    ["nul", "Unexpected end of input at position 3"],
    ["nulL", `Unexpected character "L" in 'null' at position 3`],
    ["01", `Unexpected character "1" after the end of the JSON value at position 1`],
    ["-", "Unexpected end of input in a number at position 1"],
    ["1.", "Unexpected end of input in a number at position 2"],
    ["1e+x", `Unexpected character "x" in a number at position 3`],
    ['"\\x"', "Bad escape in string at position 1"],
    ['"\\u12G4"', "Bad Unicode escape in string at position 1"],
    ['"a\nb"', "Bad control character in string at position 2"],
    ["   ", "Unexpected end of input at position 3"],
  ])("invalid JSON %j is a parse violation: %s", async (text, reason) => {
    expect(await parseBody(Buffer.from(text), "application/json", limits)).toEqual({
      body: { kind: "none" },
      violation: { in: "body", where: "", keyword: "parse", message: `Request body is not valid JSON: ${reason}` },
    });
  });

  it("refuses 10,000 nested arrays with maxDepth, before parsing", async () => {
    const hostile = Buffer.from("[".repeat(10_000) + "]".repeat(10_000));
    const result = await parseBody(hostile, "application/json", limits);
    expect(result.violation).toEqual({
      in: "body",
      where: "",
      keyword: "maxDepth",
      message: "Request body nests arrays and objects deeper than 64 levels",
    });
  });

  it("refuses deep nesting even when the JSON is also broken (depth is checked first)", async () => {
    const result = await parseBody(Buffer.from("{".repeat(100)), "application/json", limits);
    expect(result.violation?.keyword).toBe("maxDepth");
  });

  it("accepts nesting exactly at the limit", async () => {
    const text = "[".repeat(64) + "]".repeat(64);
    expect((await parseBody(Buffer.from(text), "application/json", limits)).body.kind).toBe("json");
  });
});

describe("jsonNestingExceeds", () => {
  it.each([
    ["[[1]]", 1, true],
    ["[[1]]", 2, false],
    ["[{},{},{}]", 2, false],
    ['["[[[[[[", "\\"[[[["]', 1, false],
    ["]]]][[", 1, true],
    ['{"a":{"b":{"c":{}}}}', 3, true],
  ])("%j deeper than %i: %s", (text, maxDepth, expected) => {
    expect(jsonNestingExceeds(text, maxDepth)).toBe(expected);
  });
});

describe("parseJsonText", () => {
  it("gives the value when valid", () => {
    expect(parseJsonText('{"a":1}', 10)).toEqual({ ok: true, value: { a: 1 } });
  });

  it("never quotes the text in its reason", () => {
    const secret = "x".repeat(50);
    const result = parseJsonText(`{"token":"${secret}"`, 10);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(secret);
  });
});

describe("parseBody: form-urlencoded", () => {
  it.each([
    ["a=1&b=two", { a: "1", b: "two" }],
    ["a=1&a=2&a=3", { a: ["1", "2", "3"] }],
    ["name=J+Doe&city=S%C3%A3o%20Paulo", { name: "J Doe", city: "São Paulo" }],
    ["flag", { flag: "" }],
    ["bad=%zz", { bad: "%zz" }],
  ])("%j", async (text, expected) => {
    expect(await parseBody(Buffer.from(text), "application/x-www-form-urlencoded; charset=utf-8", limits)).toEqual({
      body: { kind: "form", value: expected },
    });
  });

  it("keeps a field named __proto__ as a field", async () => {
    const { body } = await parseBody(Buffer.from("__proto__=x&a=1"), "application/x-www-form-urlencoded", limits);
    const value = (body as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "a"]);
  });
});

describe("parseBody: multipart/form-data", () => {
  it("reads text fields as strings, files as a binary placeholder, repeated fields as arrays", async () => {
    const body = multipart("XyZ", [
      'Content-Disposition: form-data; name="title"\r\n\r\nHello',
      'Content-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n\x00\x01\x02\x03',
      'Content-Disposition: form-data; name="tag"\r\n\r\none',
      'Content-Disposition: form-data; name="tag"\r\n\r\ntwo',
    ]);
    expect(await parseBody(body, "multipart/form-data; boundary=XyZ", limits)).toEqual({
      body: { kind: "multipart", value: { title: "Hello", file: "<binary 4 bytes>", tag: ["one", "two"] } },
    });
  });

  it("accepts a quoted boundary", async () => {
    const body = multipart("a;b", ['Content-Disposition: form-data; name="x"\r\n\r\n1']);
    expect(await parseBody(body, 'multipart/form-data; boundary="a;b"', limits)).toEqual({
      body: { kind: "multipart", value: { x: "1" } },
    });
  });

  it.each([
    ["no boundary", "multipart/form-data", "Request body is multipart/form-data but its Content-Type has no boundary"],
    [
      "another boundary",
      "multipart/form-data; boundary=Other",
      'Request body is not valid multipart/form-data with boundary "Other"',
    ],
  ])("%s is a parse violation", async (_label, contentType, message) => {
    const body = multipart("XyZ", ['Content-Disposition: form-data; name="x"\r\n\r\n1']);
    expect(await parseBody(body, contentType, limits)).toEqual({
      body: { kind: "none" },
      violation: { in: "body", where: "", keyword: "parse", message },
    });
  });

  it("garbage with a boundary is a parse violation", async () => {
    const result = await parseBody(Buffer.from("not multipart at all"), "multipart/form-data; boundary=XyZ", limits);
    expect(result.violation?.keyword).toBe("parse");
  });
});

describe("parseBody: text and binary", () => {
  it.each([
    ["text/plain", Buffer.from("héllo"), "héllo"],
    ["text/csv; charset=utf-8", Buffer.from("a,b"), "a,b"],
    ["text/plain; charset=iso-8859-1", Buffer.from([0x68, 0xe9]), "hé"],
    ["text/plain; charset=no-such-charset", Buffer.from("ok"), "ok"],
  ])("%s is text", async (contentType, body, expected) => {
    expect(await parseBody(body, contentType, limits)).toEqual({ body: { kind: "text", value: expected } });
  });

  it.each([["application/octet-stream"], ["image/png"], ["application/xml"], [undefined], ["not a media type"]])(
    "%s is binary with its size",
    async (contentType) => {
      expect(await parseBody(Buffer.from([1, 2, 3]), contentType, limits)).toEqual({
        body: { kind: "binary", size: 3 },
      });
    },
  );
});

describe("parseJsonText agrees with JSON.parse", () => {
  it("on 5,000 seeded random edits of valid JSON, it fails exactly where JSON.parse fails, with its own reason", () => {
    const alphabet = [
      "{",
      "}",
      "[",
      "]",
      ",",
      ":",
      '"',
      "\\",
      "u",
      "0",
      "1",
      "-",
      ".",
      "e",
      "+",
      "t",
      "n",
      "l",
      " ",
      "\n",
      "x",
      "\u0001",
    ];
    const seeds = [
      '{"a":[1,2.5e3,-0,true,false,null,"x\\u00e9\\n"]}',
      "[[],{}]",
      '"s"',
      "0",
      '{"k":{"k":[{"z":-1.0E-2}]}}',
    ];
    let state = 1;
    const random = (below: number) => (state = (state * 1103515245 + 12345) % 2147483648) % below;
    const disagreements: string[] = [];
    for (let n = 0; n < 5_000; n++) {
      let text = seeds[n % seeds.length] as string;
      for (let edit = 0; edit <= random(3); edit++) {
        const at = random(text.length + 1);
        const character = alphabet[random(alphabet.length)] as string;
        const kind = random(3);
        text = text.slice(0, at) + (kind === 1 ? "" : character) + text.slice(kind === 0 ? at : at + 1);
      }
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      const result = parseJsonText(text, 100);
      if (
        result.ok !== valid ||
        (!result.ok && !/^(Unexpected|Bad|Unterminated) .* at position \d+$/.test(result.reason))
      )
        disagreements.push(text);
    }
    expect(disagreements).toEqual([]);
  });
});
