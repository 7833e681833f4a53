import type { ReportFiles } from "../report/files.js";
import { VERIFY_FLAGS } from "../verify/flags.js";
import type { VerifyOptions } from "../verify/options.js";
import type { CliCommand } from "./command.js";
import { bold, dim, green, printError, red, yellow } from "./print.js";

export const verifyCommand: CliCommand<VerifyOptions & ReportFiles> = {
  name: "verify",
  description: "verify a running provider against consumer pacts, checking every real response against its OpenAPI contract",
  flags: VERIFY_FLAGS,
  run: runVerify,
};

async function runVerify({ junit, json, html, ...options }: VerifyOptions & ReportFiles): Promise<number> {
  try {
    // Loaded on use: the Pact core is heavy, and `mockpact mock` must start fast.
    const { verifyProvider } = await import("../verify/verify.js");
    const result = await verifyProvider(options);
    process.stdout.write(`\n${bold("mockpact verify")} ${dim(`${result.providerBaseUrl}`)}\n\n`);
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
