/**
 * Fixtures against the size of the contract: `mockpact fixtures` (a process, as users run it) on
 * generated contracts of 100 / 1k / 10k operations, files/s and MB/s from spawn to exit, beside the
 * ceiling: plain json-schema-faker making one value per response schema of the same contract in a
 * loop in one process (bench/jsf-ceiling.mjs). The load average is read beside each size.
 */
import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadAverage } from "./machine.js";
import type { ScalePlan } from "./plan.js";
import type { Pinning } from "./processes.js";
import { writeSyntheticContract } from "./synthetic-contract.js";
import { timeRun } from "./timed-run.js";

export interface FixturesRow {
  operations: number;
  /** Spawn to exit, and the fixture files it wrote (the manifests aside); or why it has none. */
  mockpact: { ms: number; files: number; bytes: number } | string;
  /** The loop of json-schema-faker values, and their bytes as pretty JSON; or why it has none. */
  ceiling: { ms: number; values: number; bytes: number } | string;
  loadAverage: number;
}

export async function scaleFixtures(
  plan: ScalePlan,
  pinning: Pinning,
  log: (line: string) => void,
): Promise<FixturesRow[]> {
  const folder = await mkdtemp(join(tmpdir(), "mockpact-bench-fixtures-"));
  try {
    const rows: FixturesRow[] = [];
    for (const operations of plan.fixtures.operations) {
      const contractFolder = join(folder, `ops-${operations}`);
      await mkdir(contractFolder, { recursive: true });
      const { file } = await writeSyntheticContract(contractFolder, operations, false);
      const loadAtStart = loadAverage();
      const mockpact = await runFixtures(file, join(contractFolder, "out"), plan.fixtures.boundMs, pinning);
      const ceiling = await runCeiling(file, plan.fixtures.boundMs, pinning);
      const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      const made = typeof mockpact === "string" ? mockpact : `${mockpact.files} files in ${secs(mockpact.ms)}`;
      const faked = typeof ceiling === "string" ? ceiling : `${ceiling.values} values in ${secs(ceiling.ms)}`;
      log(`  fixtures ${operations} operations: mockpact ${made}, json-schema-faker ${faked}`);
      rows.push({ operations, mockpact, ceiling, loadAverage: Math.max(loadAtStart, loadAverage()) });
      await rm(contractFolder, { recursive: true, force: true });
    }
    return rows;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function runFixtures(contract: string, out: string, boundMs: number, pinning: Pinning) {
  const ran = await timeRun([resolve("bin/mockpact.js"), "fixtures", contract, "--out", out], boundMs, pinning);
  if (typeof ran === "string") return ran;
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === "index.json") continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { ms: ran.ms, files, bytes };
}

async function runCeiling(contract: string, boundMs: number, pinning: Pinning) {
  const ran = await timeRun([resolve("bench/jsf-ceiling.mjs"), contract], boundMs, pinning);
  if (typeof ran === "string") return ran;
  const line = ran.output
    .trim()
    .split("\n")
    .findLast((text) => text.startsWith("{"));
  if (!line) return `no figures in its output: ${ran.output.slice(-200)}`;
  const { values, bytes, loopMs } = JSON.parse(line) as { values: number; bytes: number; loopMs: number };
  return { ms: loopMs, values, bytes };
}
