import { Command } from "commander";
import { formatPlace } from "../errors.js";
import { dim, green, printError, red, yellow } from "./print.js";

export function lintCommand(setExit: (code: number) => void): Command {
  return new Command("lint")
    .description("check that contracts load and are sound; exit 1 on errors")
    .argument("[contracts...]", "contract files or folders", ["contracts"])
    .option("--allow-remote-refs", "fetch $refs that point at URLs", false)
    .option("--ref-root <dir>", "folder file $refs may read from")
    .action(async (contracts: string[], flags: { allowRemoteRefs: boolean; refRoot?: string }) => {
      try {
        const { lintContracts } = await import("../lint/index.js"); // swagger-parser loads on use only
        const result = await lintContracts(contracts, { allowRemoteRefs: flags.allowRemoteRefs, refRoot: flags.refRoot });
        for (const f of result.findings) {
          const label = f.severity === "error" ? red("error") : yellow("warning");
          process.stdout.write(`${label} ${f.code} ${formatPlace(f)}${f.message}\n${f.hint ? `  ${dim(`hint: ${f.hint}`)}\n` : ""}`);
        }
        const errors = result.findings.filter((f) => f.severity === "error").length;
        const warnings = result.findings.length - errors;
        const summary = `${result.files.length} contract(s): ${errors} error(s), ${warnings} warning(s)`;
        process.stdout.write(`${errors > 0 ? red(summary) : green(summary)}\n`);
        setExit(errors > 0 ? 1 : 0);
      } catch (error) {
        printError(error);
        setExit(2);
      }
    });
}
