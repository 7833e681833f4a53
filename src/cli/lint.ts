import { formatPlace } from "../errors.js";
import { printable } from "../redact.js";
import { LINT_FLAGS, type LintOptions } from "../lint/flags.js";
import type { CliCommand } from "./command.js";
import { dim, green, printError, red, yellow } from "./print.js";

export const lintCommand: CliCommand<LintOptions> = {
  name: "lint",
  description: "check that contracts load and are sound; exit 1 on errors",
  flags: LINT_FLAGS,
  run: runLint,
};

async function runLint({ contracts = [], ...options }: LintOptions): Promise<number> {
  try {
    const { lintContracts } = await import("../lint/index.js"); // swagger-parser loads on use only
    const result = await lintContracts(contracts, options);
    for (const f of result.findings) {
      const label = f.severity === "error" ? red("error") : yellow("warning");
      process.stdout.write(
        `${label} ${printable(`${f.code} ${formatPlace(f)}${f.message}`, { lines: true })}\n${f.hint ? `  ${dim(printable(`hint: ${f.hint}`, { lines: true }))}\n` : ""}`,
      );
    }
    const errors = result.findings.filter((f) => f.severity === "error").length;
    const warnings = result.findings.length - errors;
    const summary = `${result.files.length} contract(s): ${errors} error(s), ${warnings} warning(s)`;
    process.stdout.write(`${errors > 0 ? red(summary) : green(summary)}\n`);
    return errors > 0 ? 1 : 0;
  } catch (error) {
    printError(error);
    return 2;
  }
}
