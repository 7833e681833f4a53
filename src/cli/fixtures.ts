import { printable } from "../redact.js";
import { FIXTURES_FLAGS } from "../fixtures/flags.js";
import type { FixturesOptions, FixturesProgress, FixturesResult } from "../fixtures/index.js";
import type { CliCommand } from "./command.js";
import { dim, green, printError, printWarning, red } from "./print.js";
import { progressLine, summaryLine } from "./fixtures-print.js";

/** Failures printed one by one; the rest are counted (every one is in the manifests). */
const FAILURES_SHOWN = 20;
const DIFFERENCES_SHOWN = 50;

export const fixturesCommand: CliCommand<FixturesOptions> = {
  name: "fixtures",
  description: "generate deterministic, schema-valid fixtures: a body per operation and response, and example requests",
  flags: FIXTURES_FLAGS,
  run: runFixtures,
};

async function runFixtures(options: FixturesOptions): Promise<number> {
  const started = performance.now();
  const progress = progressReporter();
  try {
    // Loaded on use: `mockpact mock` must not pay for the fixture writer at start-up.
    const { generateFixtures } = await import("../fixtures/index.js");
    const result = await generateFixtures({ ...options, onProgress: progress.update });
    progress.done();
    report(result, options.check === true, performance.now() - started);
    return options.check === true && result.differences.length > 0 ? 1 : 0;
  } catch (error) {
    progress.done();
    printError(error);
    return 2;
  }
}

function report(result: FixturesResult, check: boolean, elapsedMs: number): void {
  for (const warning of result.warnings) printWarning(warning.message, warning);
  for (const failure of result.failures.slice(0, FAILURES_SHOWN)) {
    const what = `${failure.kind} ${failure.operationId}${failure.status ? ` ${failure.status}` : ""}${failure.variant > 0 ? ` variant ${failure.variant}` : ""}`;
    printWarning(`no valid ${what}: ${failure.message}`, { file: failure.contract, pointer: failure.pointer });
  }
  if (result.failures.length > FAILURES_SHOWN)
    printWarning(`... and ${result.failures.length - FAILURES_SHOWN} more (see "failed" in each index.json)`);
  if (check) {
    const { taken, overridden } = result.recorded;
    if (taken.length > 0)
      process.stdout.write(dim(`checked with the flags index.json recorded: ${printable(taken.join(" "))}\n`));
    for (const flag of overridden)
      printWarning(`${printable(flag)}: checked with the value given, not the one the files were written with`);
    // Leftovers and stale files first: they are few, and a long list of missing files would hide them.
    const listed = [...result.differences].sort(
      (a, b) =>
        Number(a.change === "missing" || a.change === "changed") -
        Number(b.change === "missing" || b.change === "changed"),
    );
    for (const d of listed.slice(0, DIFFERENCES_SHOWN))
      process.stdout.write(`${red(d.change.padEnd(8))} ${printable(d.file)}\n`);
    if (result.differences.length > DIFFERENCES_SHOWN)
      process.stdout.write(dim(`... and ${result.differences.length - DIFFERENCES_SHOWN} more\n`));
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
