/**
 * `mockpact verify` through a provider that streams a 200 MB body: mockpact's proxy reads at most its
 * check limit and streams the rest on, so its memory does not grow with the body. Pact's own core
 * (in the same process) holds whole bodies itself, so the measure is the difference: the peak RSS of
 * `mockpact verify` against the peak RSS of Pact JS's Verifier run alone on the same pact and body.
 * A proxy that buffered the body would add at least the body's size (1.4 GB RSS was seen for 300 MB).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { runCli } from "../support/cli.js";
import { writePact } from "./support/pacts.js";

const BODY_BYTES = 200 * 1024 * 1024;
/** What mockpact may add to Pact's own peak: half the body (measured: 30-45 MB, its code, contract and check buffer). */
const BOUND = BODY_BYTES / 2;
const PEAK_RSS = fileURLToPath(new URL("../support/peak-rss.cjs", import.meta.url));
const PACT_ALONE = fileURLToPath(new URL("./support/pact-alone.mjs", import.meta.url));

const CONTRACT = `openapi: 3.0.3
info: { title: Big, version: "1" }
paths:
  /numbers:
    get:
      operationId: listNumbers
      responses:
        "200":
          description: A long list, read for checking up to the proxy's limit, streamed past it.
          content:
            application/json:
              schema: { type: array, items: { type: integer } }
`;

let dir: string;
let provider: http.Server;
let url: string;
/** Bytes of each body the provider finished sending. */
const sent: number[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "mockpact-large-"));
  writeFileSync(path.join(dir, "big.yaml"), CONTRACT);
  // A JSON array generated on the fly, chunked (no Content-Length: the proxy cannot know the size ahead).
  const chunk = Buffer.from("0,".repeat(32 * 1024));
  provider = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "application/json" });
    let written = 0;
    const pump = () => {
      while (written < BODY_BYTES) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end("0]", () => sent.push(written + 3));
    };
    res.write("[");
    pump();
  });
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
});
afterAll(async () => {
  provider.closeAllConnections();
  await new Promise((resolve) => provider.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** NODE_OPTIONS preloading the peak recorder, and where it writes. */
function measured(name: string): { env: NodeJS.ProcessEnv; peak(): number } {
  const file = path.join(dir, `${name}.peak`);
  return {
    env: {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${PEAK_RSS}`.trim(),
      MOCKPACT_PEAK_RSS_FILE: file,
    },
    peak: () => Number(readFileSync(file, "utf8")),
  };
}

async function pactAlone(pact: string): Promise<{ code: number | null; stdout: string; peak: number }> {
  const { env, peak } = measured("pact-alone");
  const child = spawn(process.execPath, [PACT_ALONE, url, pact], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
  onTestFinished(() => void (child.exitCode === null && child.signalCode === null && child.kill("SIGKILL")));
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, stdout, peak: peak() };
}

describe("mockpact verify through a provider that streams a 200 MB body", () => {
  it("passes, and adds far less than the body's size to the memory Pact itself needs", async () => {
    const pact = writePact(dir, "web-api", [
      {
        description: "a request for all numbers",
        request: { method: "GET", path: "/numbers" },
        response: { status: 200 },
      },
    ]);
    const alone = await pactAlone(pact);
    expect(alone.stdout).toMatch(/^verified$/m); // after the native core's own report
    const { env, peak } = measured("mockpact");
    const json = path.join(dir, "report.json");
    const run = await runCli(
      ["verify", "--provider-base-url", url, "--pact", pact, "--contract", path.join(dir, "big.yaml"), "--json", json],
      60_000,
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(json, "utf8")).summary).toMatchObject({ cases: 1, passed: 1 });
    expect(sent, "the whole body went out, to Pact alone and through mockpact").toEqual([
      BODY_BYTES + 3,
      BODY_BYTES + 3,
    ]);
    const added = peak() - alone.peak;
    expect(added, `peak RSS ${mib(peak())} through mockpact, ${mib(alone.peak)} for Pact alone`).toBeLessThan(BOUND);
  }, 90_000);
});

const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
