import { printable } from "../redact.js";
import type { CompatOptions } from "../compat/index.js";
import { COMPAT_FLAGS } from "../compat/flags.js";
import type { ReportFiles } from "../report/files.js";
import type { CliCommand } from "./command.js";
import { bold, dim, green, printError, red, yellow } from "./print.js";

export const compatCommand: CliCommand<CompatOptions & ReportFiles> = {
  name: "compat",
  description:
    "check consumer pacts against the provider's OpenAPI contract, with nothing running; exit 1 on incompatibilities",
  flags: COMPAT_FLAGS,
  run: runCompat,
};

async function runCompat({ junit, json, html, ...options }: CompatOptions & ReportFiles): Promise<number> {
  try {
    // Loaded on use, so that `mockpact mock` starts without the compat code.
    const { checkCompat } = await import("../compat/index.js");
    const result = await checkCompat(options);
    const { formatConsole } = await import("../report/console.js");
    process.stdout.write(`\n${bold("Pacts checked against")} ${dim(printable(result.contracts.join(", ")))}\n\n`);
    process.stdout.write(formatConsole(result, { red, green, yellow, dim, bold }));
    if (result.skipped > 0)
      process.stdout.write(dim(`${result.skipped} non-HTTP interaction(s) (messages) not checked\n`));
    // The report writers load on use, like the library.
    const { writeReportFiles } = await import("../report/files.js");
    await writeReportFiles({ junit, json, html }, result);
    return result.ok ? 0 : 1;
  } catch (error) {
    printError(error);
    return 2;
  }
}
