import { Command, Option } from "commander";
import type { FixturesOptions, FixturesProgress, FixturesResult } from "../fixtures/index.js";
import { dim, green, printError, printWarning, red } from "./print.js";
import { progressLine, summaryLine } from "./fixtures-print.js";

const collect = (value: string, previous: string[] = []) => [...previous, value];
/** Failures printed one by one; the rest are counted (every one is in the manifests). */
const FAILURES_SHOWN = 20;
const DIFFERENCES_SHOWN = 50;

export function fixturesCommand(setExit: (code: number) => void): Command {
  return new Command("fixtures")
    .description("generate deterministic, schema-valid fixtures: a body per operation and response, and example requests")
    .argument("[contracts...]", "contract files or folders", ["contracts"])
    .requiredOption("--out <dir>", "folder to write to (nothing is written outside it)")
    .option("--seed <n>", "seed of every fake; variant 0 is what `mockpact mock --seed n` answers", (v) => Number(v), 1)
    .option("--count <n>", "variants per response and request", (v) => Number(v), 1)
    .option("--operations <ids>", "only these operationIds (comma-separated, repeatable)", collect)
    .option("--tags <tags>", "only operations with one of these tags (comma-separated, repeatable)", collect)
    .option("--status <filter>", "2xx, all, or codes, classes and default: 200,4xx,default", "2xx")
    .option("--requests", "also write a valid example request per operation", false)
    .addOption(new Option("--format <format>", "a file per fixture, or a file per status with a line per variant").choices(["json", "ndjson"]).default("json"))
    .option("--clean", "remove files an earlier run wrote that this run does not", false)
    .option("--check", "write nothing; exit 1 when the files differ from what would be written", false)
    .option("--allow-remote-refs", "fetch $refs that point at URLs", false)
    .option("--ref-root <dir>", "folder file $refs may read from")
    .action(async (contracts: string[], flags: Record<string, unknown>) => setExit(await runFixtures(contracts, flags)));
}

async function runFixtures(contracts: string[], flags: Record<string, unknown>): Promise<number> {
  const started = performance.now();
  const progress = progressReporter();
  try {
    // Loaded on use: `mockpact mock` must not pay for the fixture writer at start-up.
    const { generateFixtures } = await import("../fixtures/index.js");
    const result = await generateFixtures({ ...toOptions(contracts, flags), onProgress: progress.update });
    progress.done();
    report(result, flags.check === true, performance.now() - started);
    return flags.check === true && result.differences.length > 0 ? 1 : 0;
  } catch (error) {
    progress.done();
    printError(error);
    return 2;
  }
}

function toOptions(contracts: string[], flags: Record<string, unknown>): FixturesOptions {
  return {
    contracts,
    out: flags.out as string,
    seed: flags.seed as number,
    count: flags.count as number,
    operations: flags.operations as string[] | undefined,
    tags: flags.tags as string[] | undefined,
    status: flags.status as string,
    requests: flags.requests as boolean,
    format: flags.format as "json" | "ndjson",
    clean: flags.clean as boolean,
    check: flags.check as boolean,
    allowRemoteRefs: flags.allowRemoteRefs as boolean,
    refRoot: flags.refRoot as string | undefined,
  };
}

function report(result: FixturesResult, check: boolean, elapsedMs: number): void {
  for (const warning of result.warnings) printWarning(warning.message, warning);
  for (const failure of result.failures.slice(0, FAILURES_SHOWN)) {
    const what = `${failure.kind} ${failure.operationId}${failure.status ? ` ${failure.status}` : ""}${failure.variant > 0 ? ` variant ${failure.variant}` : ""}`;
    printWarning(`no valid ${what}: ${failure.message}`, { file: failure.contract, pointer: failure.pointer });
  }
  if (result.failures.length > FAILURES_SHOWN) printWarning(`... and ${result.failures.length - FAILURES_SHOWN} more (see "failed" in each index.json)`);
  if (check) {
    for (const d of result.differences.slice(0, DIFFERENCES_SHOWN)) process.stdout.write(`${red(d.change.padEnd(7))} ${d.file}\n`);
    if (result.differences.length > DIFFERENCES_SHOWN) process.stdout.write(dim(`... and ${result.differences.length - DIFFERENCES_SHOWN} more\n`));
  }
  const line = summaryLine(result, check, elapsedMs);
  process.stdout.write(`${check && result.differences.length > 0 ? red(line) : green(line)}\n`);
}

/** A bar on a terminal (redrawn at most every 100 ms, on stderr); nothing otherwise. */
function progressReporter(): { update: (p: FixturesProgress) => void; done: () => void } {
  if (process.stderr.isTTY !== true) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update: (p) => {
      const now = performance.now();
      if (now - last < 100 && p.done !== p.total) return;
      last = now;
      shown = true;
      process.stderr.write(`\r${progressLine(p, process.stderr.columns || 80)}\u001b[K`);
    },
    done: () => {
      if (shown) process.stderr.write("\r\u001b[K");
    },
  };
}
