import { Command, Option } from "commander";
import type { CompatOptions, CompatResult } from "../compat/index.js";
import { bold, dim, green, printError, red, yellow } from "./print.js";

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function compatCommand(setExit: (code: number) => void): Command {
  return new Command("compat")
    .description("check consumer pacts against the provider's OpenAPI contract, with nothing running; exit 1 on incompatibilities")
    .option("--pact <file|dir|url>", "a pact file, a folder of them, or a pact URL (repeatable)", collect)
    .option("--contract <file|dir>", "the provider's OpenAPI or Swagger contract (repeatable)", collect)
    .addOption(new Option("--fail-on <severity>", "fail on errors only, or on warnings too").choices(["error", "warning"]).default("error"))
    .option("--junit <file>", "write JUnit XML: a testsuite per pact, a testcase per interaction")
    .option("--json <file>", "write the full result as JSON")
    .option("--html <file>", "write a self-contained HTML report, filterable to failures")
    .option("--allow-remote-refs", "fetch contract $refs that point at URLs", false)
    .option("--ref-root <dir>", "folder contract file $refs may read from")
    .action(async (flags: Record<string, unknown>) => setExit(await runCompat(flags)));
}

async function runCompat(flags: Record<string, unknown>): Promise<number> {
  try {
    // Loaded on use, so that `mockpact mock` starts without the compat code.
    const { checkCompat } = await import("../compat/index.js");
    const result = await checkCompat(toOptions(flags));
    const { formatConsole } = await import("../report/console.js");
    process.stdout.write(`\n${bold("mockpact compat")} ${dim(result.contracts.join(", "))}\n\n`);
    process.stdout.write(formatConsole(result, { red, green, yellow, dim, bold }));
    if (result.skipped > 0) process.stdout.write(dim(`${result.skipped} non-HTTP interaction(s) (messages) not checked\n`));
    await writeReports(flags, result);
    return result.ok ? 0 : 1;
  } catch (error) {
    printError(error);
    return 2;
  }
}

function toOptions(flags: Record<string, unknown>): CompatOptions {
  return {
    pacts: (flags.pact as string[] | undefined) ?? [],
    contracts: (flags.contract as string[] | undefined) ?? [],
    failOn: flags.failOn as "error" | "warning",
    allowRemoteRefs: flags.allowRemoteRefs as boolean,
    refRoot: flags.refRoot as string | undefined,
  };
}

/** The report files the flags ask for; the writers load on use, like the library. */
async function writeReports(flags: Record<string, unknown>, result: CompatResult): Promise<void> {
  const { writeReportFiles } = await import("../report/files.js");
  await writeReportFiles({ junit: flags.junit as string | undefined, json: flags.json as string | undefined, html: flags.html as string | undefined }, result);
}
