import { Command, CommanderError } from "commander";
import { bundleCommand } from "./bundle.js";
import { buildCommand } from "./command.js";
import { compatCommand } from "./compat.js";
import { fixturesCommand } from "./fixtures.js";
import { lintCommand } from "./lint.js";
import { mockCommand } from "./mock.js";
import { printError } from "./print.js";
import { proxyCommand } from "./proxy.js";
import { verifyCommand } from "./verify.js";

/**
 * The CLI: parse, call the library, print, return an exit code (0 ok, 1 findings, 2 usage or load
 * error). Nothing here decides behaviour; each command is a thin file of its own.
 */
export async function main(argv: string[]): Promise<number> {
  process.env.PACT_DO_NOT_TRACK = "true";
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command("mockpact")
    .description("mock APIs from OpenAPI contracts, verify providers against pacts, generate fixtures")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  program.addCommand(buildCommand(mockCommand, setExit).exitOverride());
  program.addCommand(buildCommand(lintCommand, setExit).exitOverride());
  program.addCommand(buildCommand(verifyCommand, setExit).exitOverride());
  program.addCommand(buildCommand(compatCommand, setExit).exitOverride());
  program.addCommand(buildCommand(fixturesCommand, setExit).exitOverride());
  program.addCommand(buildCommand(proxyCommand, setExit).exitOverride());
  program.addCommand(buildCommand(bundleCommand, setExit).exitOverride());
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    printError(error);
    return 2;
  }
  return exitCode;
}
