import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MockEvent } from "../../src/mock/options.js";
import { send } from "../support/http.js";
import { call, startMock, type RunningMock } from "../support/mock-server.js";

const CONTRACT = "test/contracts/faithful/answers.yaml";
const BASIC = `Basic ${Buffer.from("ada:lovelace").toString("base64")}`;

let mock: RunningMock;
const events: MockEvent[] = [];
beforeAll(async () => {
  mock = await startMock({ contracts: [CONTRACT], onEvent: (e) => events.push(e) });
});
afterAll(() => mock.close());

describe("error answers and Accept", () => {
  it("keeps an error answer in its documented media type when Accept asks for the success one", async () => {
    const res = await call(`${mock.url}/notes/n-1`, { headers: { accept: "application/json", prefer: "code=404" } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json).toEqual({ type: "about:blank", title: "Not found", status: 404 });
  });

  it("still answers 406 where a success answer has no acceptable media type", async () => {
    const res = await call(`${mock.url}/notes/n-1`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(406);
  });
});

describe("the documented client-error status wins", () => {
  it("answers a bad parameter with the documented 422", async () => {
    const res = await call(`${mock.url}/notes/n-1?verbose=maybe`);
    expect(res.status).toBe(422);
    expect(res.json.type).toBe("urn:mockpact:problem:unprocessable-request");
    expect(res.json.violations.map((v: { where: string }) => v.where)).toEqual(["verbose"]);
  });

  it("answers a body that breaks its schema with the documented 400 and its example", async () => {
    const res = await call(`${mock.url}/notes`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "" }),
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: "bad request" });
    expect(JSON.parse(res.headers.get("mockpact-violations")!)[0].where).toBe("/text");
  });
});

describe("what OpenAPI says to ignore, and what a server never fakes", () => {
  it("ignores header parameters named Accept, Content-Type and Authorization", async () => {
    const res = await call(`${mock.url}/notes`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "*/*" },
      body: JSON.stringify({ text: "Buy milk" }),
    });
    expect(res.status, res.text).toBe(201);
  });

  it("never fakes framing or connection headers, and fills the others from their schema's example", async () => {
    const res = await send(mock.url, {
      method: "POST",
      path: "/notes",
      headers: { "content-type": "application/json" },
      body: Buffer.from('{"text":"x"}'),
    });
    expect(res.status).toBe(201);
    expect(res.headers["transfer-encoding"]).toBeUndefined();
    expect(res.headers["content-length"]).toBe(String(Buffer.byteLength(res.text)));
    expect(res.headers.connection).not.toMatch(
      /alpha|bravo|delta|echo|harbor|lumen|maple|nova|orbit|pixel|quartz|river|sierra|tango|violet|willow/,
    );
    expect(res.headers["x-trace"]).toBe("trace-0001");
  });
});

describe("Prism's controls and checks", () => {
  it("reads ?__example= and ?__code= as Prefer does", async () => {
    expect((await call(`${mock.url}/notes/n-1?__example=bread`)).json).toEqual({ id: "n-2", text: "Buy bread" });
    expect((await call(`${mock.url}/notes/n-1?__code=404`)).status).toBe(404);
  });

  it("lets the Prefer header win over the query controls", async () => {
    const res = await call(`${mock.url}/notes/n-1?__example=bread`, { headers: { prefer: "example=milk" } });
    expect(res.json).toEqual({ id: "n-1", text: "Buy milk" });
  });

  it("answers Basic credentials that are not base64 of id:password as missing", async () => {
    for (const authorization of ["Basic not-base64!", `Basic ${Buffer.from("no-colon").toString("base64")}`]) {
      expect((await call(`${mock.url}/ping`, { headers: { authorization } })).status, authorization).toBe(401);
    }
    expect((await call(`${mock.url}/ping`, { headers: { authorization: BASIC } })).status).toBe(204);
  });

  it("reads an empty path segment as a missing path parameter", async () => {
    const res = await call(`${mock.url}/notes//tags`);
    expect(res.status).toBe(400);
    expect(res.json.violations).toEqual([
      expect.objectContaining({ in: "path", where: "noteId", keyword: "required" }),
    ]);
  });

  it("answers 415 to a body sent to an operation that declares none", async () => {
    const res = await call(`${mock.url}/notes/n-1/archive`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(415);
    expect(res.json.detail).toMatch(/declares no request body/);
    expect((await call(`${mock.url}/notes/n-1/archive`, { method: "POST" })).status).toBe(204);
  });
});

describe("path keys", () => {
  it("serves a path key with a ?query at its path, with a warning that names it", async () => {
    expect((await call(`${mock.url}/search?kind=notes`)).status).toBe(200);
    const warning = events.find((e) => e.type === "warning" && /\?query/.test(e.message));
    expect(warning).toMatchObject({ pointer: "#/paths/~1search?kind=notes" });
  });
});
