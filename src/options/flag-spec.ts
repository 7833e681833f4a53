/**
 * How the command line reads a flag's text; the library is handed typed values instead, and the
 * command's resolver checks both alike. `boolean`: no value (`--dynamic`, `--no-admin`); `string`: one
 * value as typed; `number`: one value, read with Number; `strings`: repeatable, each use adds one;
 * `list`: one comma-separated value (`reset,empty`); `arguments`: the positional ones (`[contracts...]`).
 */
export type FlagType = "boolean" | "string" | "number" | "strings" | "list" | "arguments";

/** One flag of a command: what commander declares, and the default the command's resolver applies. */
export interface FlagSpec<V = unknown> {
  /** As commander spells it: `-p, --port <port>`, `--dynamic`, `--no-admin`, `[contracts...]`. */
  flag: string;
  type: FlagType;
  description: string;
  /** The value when the flag is not given: the resolver applies it for library callers, and --help shows it. */
  default?: V;
  /** Reads the flag's text where the type's rule is not enough (JSON, `Name: value` headers). */
  parse?: (text: string, previous: V | undefined) => V;
  /** The only values commander accepts. */
  choices?: readonly string[];
  /** Commander refuses to run the command without it. */
  required?: boolean;
  /** An environment variable commander reads when the flag is not given. */
  env?: string;
  /**
   * An earlier run recorded the value it used (`fixtures --check` reads it from the manifest): the
   * command line hands the library the flag only when it is given, and the library picks the value.
   */
  recorded?: true;
}

/**
 * A command's flags, keyed by the option each one sets: the key is the whole mapping from flags to
 * options, so a flag and its option cannot drift apart. The order is the order of --help.
 */
export type FlagTable<O> = { [K in keyof O]?: FlagSpec<Exclude<O[K], undefined>> };

/** The keys of a table whose flags have a default. */
type DefaultedKeys<T> = { [K in keyof T]-?: T[K] extends { default: unknown } ? K : never }[keyof T];

/** Options with every defaulted key filled: what a resolver reads before it checks the values. */
export type WithDefaults<O, T> = O & { [K in DefaultedKeys<T> & keyof O]-?: Exclude<O[K], undefined> };

/** `options` with the table's default in each key that is undefined. */
export function withDefaults<O extends object, T extends FlagTable<O>>(table: T, options: O): WithDefaults<O, T> {
  const filled = { ...options } as Record<string, unknown>;
  for (const [key, spec] of Object.entries(table) as Array<[string, FlagSpec | undefined]>) {
    // A copy of a list default: the table's own must not change when a caller changes its options.
    if (filled[key] === undefined && spec?.default !== undefined)
      filled[key] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
  }
  return filled as WithDefaults<O, T>;
}
