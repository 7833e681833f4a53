import { Command, Option } from "commander";
import { MockpactError } from "../errors.js";
import type { ConsumerVersionSelector, VerifyOptions } from "../verify/options.js";
import type { VerifyResult } from "../verify/verify.js";
import { bold, dim, green, printError, red, yellow } from "./print.js";

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function verifyCommand(setExit: (code: number) => void): Command {
  return new Command("verify")
    .description("verify a running provider against consumer pacts, checking every real response against its OpenAPI contract")
    .requiredOption("--provider-base-url <url>", "where the provider runs, e.g. http://127.0.0.1:8080")
    .option("--pact <file|dir|url>", "a pact file, a folder of them, or a pact URL (repeatable)", collect)
    .option("--contract <file>", "the provider's OpenAPI contract (repeatable); without one, only Pact's checks run", collect)
    .option("--provider <name>", "the provider's name (needed with a broker)")
    .option("--broker-url <url>", "fetch pacts from a Pact Broker")
    .addOption(new Option("--broker-token <token>", "the broker's bearer token").env("PACT_BROKER_TOKEN"))
    .option("--consumer-version-selectors <json>", "JSON list of consumer version selectors, e.g. '[{\"mainBranch\":true}]'")
    .option("--enable-pending", "pending pacts do not fail the run", false)
    .option("--include-wip-since <date>", "also verify work-in-progress pacts published since this date")
    .option("--publish", "publish Pact's results to the broker", false)
    .option("--provider-version <version>", "the provider version to publish results for")
    .option("--provider-branch <branch>", "the provider's branch, published with the results")
    .option("--states-url <url>", "POSTed {consumer, state, params, action} before and after each interaction")
    .option("--states <file>", "a module exporting a map of state name to async handler")
    .option("--header <'Name: value'>", "a header sent with every request to the provider (repeatable)", collect)
    .option("--timeout <ms>", "timeout of each request to the provider and of each state change", (v) => Number(v), 30_000)
    .option("--junit <file>", "write JUnit XML: a testsuite per pact, a testcase per interaction")
    .option("--json <file>", "write the full result as JSON")
    .option("--html <file>", "write a self-contained HTML report, filterable to failures")
    .addOption(new Option("--log-level <level>", "Pact's own log level").choices(["silent", "error", "warn", "info", "debug", "trace"]).default("silent"))
    .option("--allow-remote-refs", "fetch contract $refs that point at URLs", false)
    .option("--ref-root <dir>", "folder contract file $refs may read from")
    .action(async (flags: Record<string, unknown>) => setExit(await runVerify(flags)));
}

async function runVerify(flags: Record<string, unknown>): Promise<number> {
  try {
    // Loaded on use: the Pact core is heavy, and `mockpact mock` must start fast.
    const { verifyProvider } = await import("../verify/verify.js");
    const result = await verifyProvider(toOptions(flags));
    process.stdout.write(`\n${bold("mockpact verify")} ${dim(`${result.providerBaseUrl}`)}\n\n`);
    const { formatConsole } = await import("../report/console.js");
    process.stdout.write(formatConsole(result, { red, green, yellow, dim, bold }));
    await writeReports(flags, result);
    return result.ok ? 0 : 1;
  } catch (error) {
    printError(error);
    return 2;
  }
}

/** The report files the flags ask for; the writers load on use, like the library. */
async function writeReports(flags: Record<string, unknown>, result: VerifyResult): Promise<void> {
  const { writeReportFiles } = await import("../report/files.js");
  await writeReportFiles({ junit: flags.junit as string | undefined, json: flags.json as string | undefined, html: flags.html as string | undefined }, result);
}

function toOptions(flags: Record<string, unknown>): VerifyOptions {
  return {
    providerBaseUrl: flags.providerBaseUrl as string,
    pacts: flags.pact as string[] | undefined,
    contracts: flags.contract as string[] | undefined,
    provider: flags.provider as string | undefined,
    brokerUrl: flags.brokerUrl as string | undefined,
    brokerToken: flags.brokerToken as string | undefined,
    consumerVersionSelectors: selectors(flags.consumerVersionSelectors as string | undefined),
    enablePending: flags.enablePending as boolean,
    includeWipSince: flags.includeWipSince as string | undefined,
    publish: flags.publish as boolean,
    providerVersion: flags.providerVersion as string | undefined,
    providerBranch: flags.providerBranch as string | undefined,
    statesUrl: flags.statesUrl as string | undefined,
    states: flags.states as string | undefined,
    headers: headers((flags.header as string[] | undefined) ?? []),
    timeoutMs: flags.timeout as number,
    logLevel: flags.logLevel as VerifyOptions["logLevel"],
    allowRemoteRefs: flags.allowRemoteRefs as boolean,
    refRoot: flags.refRoot as string | undefined,
  };
}

function selectors(json: string | undefined): ConsumerVersionSelector[] | undefined {
  if (json === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (cause) {
    throw usage(`--consumer-version-selectors is not JSON (${(cause as Error).message})`);
  }
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((s) => typeof s === "object" && s !== null && !Array.isArray(s))) throw usage("--consumer-version-selectors must be a JSON object or a list of them");
  return list as ConsumerVersionSelector[];
}

/** `--header 'Authorization: Bearer x'` -> { Authorization: "Bearer x" }; the value may hold colons. */
function headers(flags: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const flag of flags) {
    const colon = flag.indexOf(":");
    const name = colon > 0 ? flag.slice(0, colon).trim() : "";
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw usage(`--header "${flag.slice(0, colon > 0 ? colon : 20)}..." is not "Name: value"`);
    out[name] = flag.slice(colon + 1).trim();
  }
  return out;
}

function usage(why: string): MockpactError {
  return new MockpactError("OPTION_INVALID", `Failed to start verification: ${why}`, { hint: "See mockpact verify --help." });
}
