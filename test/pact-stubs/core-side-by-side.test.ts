import { request as httpRequest } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../support/mock-server.js";
import { STUB_CASES, type StubCase } from "./side-by-side/cases.js";
import { startCoreMockServer, type CoreMockServer } from "./support/core-mock-server.js";

const DIR = path.resolve("test/pact-stubs/side-by-side");
const PACTS = [...new Set(STUB_CASES.map((c) => c.pact))];

interface Answer {
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

/** One request with its header lines as given (a repeated header stays two lines), the whole answer read. */
function send(base: string, c: StubCase): Promise<Answer> {
  const url = new URL(c.url, base);
  // Raw header lines get no defaults from node:http: Host (and the body's length) are written here.
  const headers = [
    ["Host", url.host],
    ...(c.headers ?? []),
    ...(c.body !== undefined ? [["Content-Length", String(Buffer.byteLength(c.body))]] : []),
  ].flat();
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: c.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, contentType: res.headers["content-type"], body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end(c.body);
  });
}

/** Pact's mock server answers a request no interaction matches with 500 and a "Request-Mismatch" (or, for no path at all, "Unexpected-Request") error. */
const coreMatched = (a: Answer) =>
  !(a.status === 500 && /Request-Mismatch|Unexpected-Request/.test(a.body.toString("utf8")));
const oursMatched = (a: Answer) => a.status !== 404 || !a.contentType?.startsWith("application/problem+json");

const servers = new Map<string, { ours: RunningMock; core: CoreMockServer }>();
const tally = new Map<string, { agreed: number; differed: number }>();

beforeAll(async () => {
  for (const pact of PACTS)
    servers.set(pact, {
      ours: await startMock({ pacts: [path.join(DIR, pact)], contracts: [] }),
      core: startCoreMockServer(path.join(DIR, pact)),
    });
});
afterAll(async () => {
  for (const { ours, core } of servers.values()) {
    await ours.close();
    core.close();
  }
  console.log(
    `stubs side by side with Pact's mock server\n  ${[...tally].map(([pact, t]) => `${pact}: ${t.agreed}/${t.agreed + t.differed} agree`).join("\n  ")}`,
  );
});

describe("mock --pact side by side with Pact's own mock server: the same verdict on the same request", () => {
  it.each(STUB_CASES.map((c) => [`${c.pact}: ${c.name}`, c] as const))("%s", async (_name, c) => {
    const { ours, core } = servers.get(c.pact)!;
    const [mine, theirs] = [await send(ours.url, c), await send(core.url, c)];
    const counts = tally.get(c.pact) ?? { agreed: 0, differed: 0 };
    tally.set(c.pact, counts);
    expect(
      coreMatched(theirs),
      `Pact's mock server: ${theirs.status} ${theirs.body.toString("utf8").slice(0, 300)}`,
    ).toBe(c.matches !== undefined);
    expect(oursMatched(mine), `mockpact: ${mine.status} ${mine.body.toString("utf8").slice(0, 300)}`).toBe(
      c.matches !== undefined,
    );
    if (c.matches !== undefined) {
      expect(mine.status).toBe(theirs.status);
      expect(mine.contentType?.split(";")[0]).toBe(theirs.contentType?.split(";")[0]);
      if (c.generated)
        expect(
          mine.body.equals(theirs.body),
          `listed as a deliberate difference (${c.generated}) but the bodies agree`,
        ).toBe(false);
      else expect(mine.body.toString("base64")).toBe(theirs.body.toString("base64"));
    }
    if (c.generated) counts.differed++;
    else counts.agreed++;
  });
});
