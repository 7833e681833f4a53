/**
 * `verifyProvider({ parallel })` against a real express provider on port 0: the verdicts of three
 * workers (a pact cut into shards, another pact whole) are those of one worker, case for case and in
 * the same order, with a Pact mismatch, a schema violation and a provider state among them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VerifyResult } from "../../src/verify/verify.js";
import { verifyProvider } from "../../src/verify/verify.js";
import { writePact, writeThingsContract, type PactInteraction } from "./support/pacts.js";

let dir: string;
let server: Server;
let url: string;
const states: string[] = [];

/** Thing 7 answers a name the pact does not expect; thing 9 a name that breaks the contract's type. */
function startProvider(): Promise<void> {
  const app = express();
  app.get("/things/:id", (req, res) => {
    const id = Number(req.params.id);
    res.json({ id, name: id === 7 ? "seven" : id === 9 ? 9 : `thing ${id}` });
  });
  return new Promise((resolve) => {
    server = app.listen(0, "127.0.0.1", () => {
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve();
    });
  });
}

const thing = (id: number, expected = `thing ${id}`): PactInteraction => ({
  description: `a request for thing ${id}`,
  request: { method: "GET", path: `/things/${id}` },
  response: { status: 200, body: { id, name: expected } },
});

let pacts: string[];
let contract: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "mockpact-parallel-"));
  await startProvider();
  const large = Array.from({ length: 12 }, (_, i) => thing(i + 1, i + 1 === 9 ? (9 as unknown as string) : undefined));
  large[4] = { ...large[4]!, providerStates: [{ name: "thing 5 exists" }] } as PactInteraction;
  pacts = [writePact(dir, "large", large), writePact(dir, "small", [thing(20), thing(21)])];
  contract = writeThingsContract(dir);
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function verdicts(parallel: number): Promise<{ result: VerifyResult; list: string[] }> {
  const result = await verifyProvider({
    providerBaseUrl: url,
    pacts,
    contracts: [contract],
    parallel,
    states: { "thing 5 exists": () => void states.push(`parallel ${parallel}`) },
  });
  const list = result.suites.flatMap((suite) =>
    suite.cases.map((c) => `${suite.name} | ${c.name} | ${c.status} | ${c.findings.map((f) => f.source).join(",")}`),
  );
  return { result, list };
}

describe("verify --parallel", () => {
  it("gives the verdicts of a serial run, in the same order, from three workers", async () => {
    const serial = await verdicts(1);
    const parallel = await verdicts(3);
    expect(serial.list).toHaveLength(14);
    expect(parallel.list).toEqual(serial.list);
    expect(serial.list).toContain("web -> api | a request for thing 7 | failed | pact");
    expect(serial.list).toContain("web -> api | a request for thing 9 | failed | schema");
    expect(serial.list.filter((line) => line.endsWith("| passed | "))).toHaveLength(12);
    expect(parallel.result.ok).toBe(false);
    expect(parallel.result.summary).toEqual(serial.result.summary);
  }, 120_000);

  it("runs each provider state once per run, and names the pacts and the provider as given", async () => {
    states.length = 0;
    const { result } = await verdicts(3);
    expect(states).toEqual(["parallel 3"]);
    expect(result.suites.map((suite) => suite.source)).toEqual(pacts);
    const text = JSON.stringify(result);
    expect(text).not.toContain("mockpact-shards-");
    expect(new Set(text.match(/127\.0\.0\.1:\d+/g))).toEqual(new Set([url.slice("http://".length)]));
  }, 120_000);
});
