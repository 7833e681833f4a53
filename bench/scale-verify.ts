/**
 * Verify wall time against the number of interactions: a generated pact of one simple GET per
 * interaction, an express provider on port 0, and three runs on the same pact and provider, one
 * after the other: `mockpact verify`, `mockpact verify --parallel 2` and plain Pact JS's Verifier
 * (each a process of its own, as users run them). The load average is read beside each size.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import express from "express";
import { loadAverage } from "./machine.js";
import type { Pinning } from "./processes.js";
import { timeRun } from "./timed-run.js";

export const VERIFY_RUNNERS = ["mockpact", "mockpact --parallel 2", "Pact JS"] as const;
export type VerifyRunner = (typeof VERIFY_RUNNERS)[number];

export interface VerifyRow {
  interactions: number;
  /** Wall time per runner (ms), or why it has none. */
  wallMs: Partial<Record<VerifyRunner, number>>;
  failures: Partial<Record<VerifyRunner, string>>;
  loadAverage: number;
}

export async function scaleVerify(
  sizes: number[],
  boundMs: number,
  pinning: Pinning,
  log: (line: string) => void,
): Promise<VerifyRow[]> {
  const folder = await mkdtemp(join(tmpdir(), "mockpact-bench-verify-"));
  const { server, url } = await startItemsProvider();
  try {
    const rows: VerifyRow[] = [];
    for (const size of sizes) {
      const pact = join(folder, `pact-${size}.json`);
      await writeFile(pact, JSON.stringify(itemsPact(size)));
      const row: VerifyRow = { interactions: size, wallMs: {}, failures: {}, loadAverage: loadAverage() };
      for (const runner of VERIFY_RUNNERS) {
        const ran = await timeRun(argsOf(runner, url, pact), boundMs, pinning);
        if (typeof ran === "string") row.failures[runner] = ran;
        else row.wallMs[runner] = ran.ms;
        log(
          `  verify ${size} interactions, ${runner}: ${typeof ran === "string" ? ran : `${(ran.ms / 1000).toFixed(2)} s`}`,
        );
      }
      rows.push(row);
    }
    return rows;
  } finally {
    await new Promise((done) => server.close(done));
    await rm(folder, { recursive: true, force: true });
  }
}

function argsOf(runner: VerifyRunner, url: string, pact: string): string[] {
  if (runner === "Pact JS") return [resolve("bench/pact-js-verify.mjs"), url, pact];
  return [
    resolve("bin/mockpact.js"),
    "verify",
    "--provider-base-url",
    url,
    "--pact",
    pact,
    ...(runner === "mockpact" ? [] : ["--parallel", "2"]),
  ];
}

function itemsPact(size: number) {
  const interactions = Array.from({ length: size }, (_, i) => ({
    description: `a request for item ${i}`,
    request: { method: "GET", path: `/items/${i}` },
    response: { status: 200, headers: { "Content-Type": "application/json" }, body: { id: i, name: `item ${i}` } },
  }));
  return {
    consumer: { name: "scale-consumer" },
    provider: { name: "scale-provider" },
    interactions,
    metadata: { pactSpecification: { version: "2.0.0" } },
  };
}

function startItemsProvider(): Promise<{ server: Server; url: string }> {
  const app = express();
  app.get("/items/:id", (req, res) => res.json({ id: Number(req.params.id), name: `item ${req.params.id}` }));
  return new Promise((done) => {
    const server = app.listen(0, "127.0.0.1", () =>
      done({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    );
  });
}
