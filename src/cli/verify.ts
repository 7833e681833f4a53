import type { ReportFiles } from "../report/files.js";
import { VERIFY_FLAGS, type VerboseFlag } from "../verify/flags.js";
import type { VerifyOptions } from "../verify/options.js";
import type { CliCommand } from "./command.js";
import { bold, dim, green, printError, printWarning, red, yellow } from "./print.js";

export const verifyCommand: CliCommand<VerifyOptions & ReportFiles & VerboseFlag> = {
  name: "verify",
  description:
    "verify a running provider against consumer pacts, checking every real response against its OpenAPI contract",
  flags: VERIFY_FLAGS,
  run: runVerify,
};

async function runVerify({
  junit,
  json,
  html,
  verbose,
  ...options
}: VerifyOptions & ReportFiles & VerboseFlag): Promise<number> {
  try {
    // Loaded on use: verify's modules are many, and `mockpact mock` must start fast.
    const { verifyProvider } = await import("../verify/verify.js");
    const { stripAnsi } = await import("../verify/verifier-output.js");
    // Pact's text is coloured whatever it is written to: only a terminal gets the colours.
    const colours = process.stderr.isTTY === true && !process.env.NO_COLOR;
    const onPactOutput = verbose
      ? (text: string) => void process.stderr.write(colours ? text : stripAnsi(text))
      : undefined;
    const result = await verifyProvider({ ...options, ...(onPactOutput ? { onPactOutput } : {}) });
    for (const warning of result.warnings) printWarning(warning);
    process.stdout.write(`\n${bold("Pacts verified against")} ${dim(`${result.providerBaseUrl}`)}\n\n`);
    const { formatConsole } = await import("../report/console.js");
    process.stdout.write(formatConsole(result, { red, green, yellow, dim, bold }));
    // The report writers load on use, like the library.
    const { writeReportFiles } = await import("../report/files.js");
    await writeReportFiles({ junit, json, html }, result);
    return result.ok ? 0 : 1;
  } catch (error) {
    printError(error);
    return 2;
  }
}
