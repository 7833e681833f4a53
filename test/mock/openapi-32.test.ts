import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send } from "../support/http.js";
import { call, startMock, type RunningMock } from "../support/mock-server.js";

const CONTRACT = "test/contracts/faithful/v32.yaml";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ contracts: [CONTRACT] });
});
afterAll(() => mock.close());

describe("OpenAPI 3.2 examples", () => {
  it("serves a dataValue example first, as a 3.0 value is served", async () => {
    expect((await call(`${mock.url}/books`)).json).toEqual([
      { id: "b-1", title: "Dune" },
      { id: "b-2", title: "Emma" },
    ]);
  });

  it.each([
    ["serialised", [{ id: "b-3", title: "Ulysses" }]],
    ["fromFile", [{ id: "b-4", title: "Middlemarch" }]],
  ])("names the %s example (serializedValue, externalValue) with Prefer", async (name, body) => {
    const res = await call(`${mock.url}/books`, { headers: { prefer: `example=${name}` } });
    expect(res.headers.get("mockpact-warning")).toBeNull();
    expect(res.json).toEqual(body);
  });
});

describe("OpenAPI 3.2 methods", () => {
  it("serves the query operation (HTTP QUERY) with its body checked", async () => {
    const ok = await send(mock.url, {
      method: "QUERY",
      path: "/books",
      headers: { "content-type": "application/json" },
      body: Buffer.from('{"title":"Dune"}'),
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual([{ id: "b-1", title: "Dune" }]);
    const bad = await send(mock.url, {
      method: "QUERY",
      path: "/books",
      headers: { "content-type": "application/json" },
      body: Buffer.from('{"author":"x"}'),
    });
    expect(bad.status).toBe(422);
  });

  it("serves a custom method of additionalOperations, and lists it in Allow", async () => {
    const res = await send(mock.url, { method: "COPY", path: "/books" });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: "b-9", title: "Dune (copy)" });
    const refused = await send(mock.url, { method: "DELETE", path: "/books" });
    expect(refused.status).toBe(405);
    expect(refused.headers.allow).toBe("GET, QUERY, COPY");
  });
});

describe("OpenAPI 3.2 sequential media types (itemSchema)", () => {
  it("serves JSON Lines as a stream of faked items, each valid against the item schema", async () => {
    const res = await call(`${mock.url}/books/export`);
    expect(res.headers.get("content-type")).toBe("application/jsonl");
    expect(res.headers.get("mockpact-warning")).toBeNull();
    const lines = res.text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.length).toBe(3);
    for (const book of lines)
      expect(book).toMatchObject({ id: expect.stringMatching(/^b-\d+$/), title: expect.any(String) });
  });

  it("serves Server-Sent Events, one event per item", async () => {
    const res = await call(`${mock.url}/books/events`);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const events = res.text.trimEnd().split("\n\n");
    expect(events.length).toBe(3);
    for (const event of events) expect(event).toMatch(/^event: (added|removed)\n(id: .*\n)?data: /);
  });

  it("checks every item of a sequential request body", async () => {
    const body = (text: string) => ({
      method: "POST",
      headers: { "content-type": "application/x-ndjson" },
      body: text,
    });
    expect(
      (await call(`${mock.url}/books/import`, body('{"id":"b-1","title":"Dune"}\n{"id":"b-2","title":"Emma"}\n')))
        .status,
    ).toBe(204);
    const bad = await call(`${mock.url}/books/import`, body('{"id":"b-1","title":"Dune"}\n{"id":"x","title":""}\n'));
    expect(bad.status).toBe(422);
    expect(bad.json.violations.map((v: { where: string }) => v.where).sort()).toEqual(["/1/id", "/1/title"]);
    expect((await call(`${mock.url}/books/import`, body('{"id":"b-1"\n'))).status).toBe(400);
  });
});
