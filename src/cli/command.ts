import { Argument, Command, Option } from "commander";
import type { FlagSpec, FlagTable, FlagType } from "../options/flag-spec.js";

/** One command of the CLI: its flag table, and what runs with the options the flags make. */
export interface CliCommand<O> {
  name: string;
  description: string;
  flags: FlagTable<O>;
  /** Calls the library and prints; resolves to the exit code (0 ok, 1 findings, 2 usage or load error). */
  run(options: O): Promise<number>;
}

/** How commander reads the text of each flag type; booleans and choices need no reader. */
const READERS: Partial<Record<FlagType, (text: string, previous: unknown) => unknown>> = {
  number: (text) => Number(text),
  strings: (text, previous) => [...((previous as string[] | undefined) ?? []), text],
  list: (text) =>
    text
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean),
};

/** The command of the CLI, flags and arguments from its table, and the action that runs it. */
export function buildCommand<O>(cli: CliCommand<O>, setExit: (code: number) => void): Command {
  const command = commandOf(cli);
  return command.action(async () => setExit(await cli.run(optionsOf(cli.flags, command))));
}

/**
 * argv (after the command's name) -> the options the command hands the library, through the same
 * commander command as the CLI, without running it. A flag commander refuses throws its CommanderError.
 */
export function parseCommandOptions<O>(cli: CliCommand<O>, argv: string[]): O {
  const command = commandOf(cli)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  command.parse(argv, { from: "user" });
  return optionsOf(cli.flags, command);
}

function commandOf<O>(cli: CliCommand<O>): Command {
  const command = new Command(cli.name).description(cli.description);
  for (const [, spec] of entriesOf(cli.flags)) {
    if (spec.type === "arguments") command.addArgument(argumentOf(spec));
    else command.addOption(optionOf(spec));
  }
  return command;
}

function optionOf(spec: FlagSpec): Option {
  const option = new Option(spec.flag, spec.description);
  if (spec.choices) option.choices(spec.choices);
  const read = spec.parse ?? READERS[spec.type];
  if (read) option.argParser(read);
  // A lone `--no-x` is true unless given, as commander has it; "(default: true)" beside "do not x" would mislead.
  if (spec.default !== undefined && !option.negate) option.default(spec.default, shownDefault(spec.default));
  if (spec.required) option.makeOptionMandatory();
  if (spec.env) option.env(spec.env);
  return option;
}

function argumentOf(spec: FlagSpec): Argument {
  const argument = new Argument(spec.flag, spec.description);
  return spec.default === undefined ? argument : argument.default(spec.default, shownDefault(spec.default));
}

/** A list default as it is typed on the command line (`reset,empty`); commander's JSON for the rest. */
function shownDefault(value: unknown): string | undefined {
  return Array.isArray(value) ? value.join(",") : undefined;
}

/** The options the parsed command line sets, keyed as the table keys them; a flag neither given nor defaulted is left out. */
function optionsOf<O>(flags: FlagTable<O>, command: Command): O {
  const values = command.opts();
  const options: Record<string, unknown> = {};
  let argument = 0;
  for (const [key, spec] of entriesOf(flags)) {
    const name = spec.type === "arguments" ? undefined : new Option(spec.flag).attributeName();
    const value = name === undefined ? command.processedArgs[argument++] : values[name];
    if (spec.recorded && name !== undefined && command.getOptionValueSource(name) === "default") continue; // the library knows what was recorded
    if (value !== undefined) options[key] = value;
  }
  return options as O;
}

function entriesOf<O>(flags: FlagTable<O>): Array<[string, FlagSpec]> {
  return (Object.entries(flags) as Array<[string, FlagSpec | undefined]>).filter(
    (entry): entry is [string, FlagSpec] => entry[1] !== undefined,
  );
}
