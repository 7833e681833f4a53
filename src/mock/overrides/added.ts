import type { Contract, Operation } from "../../contract/model.js";
import { MockpactError } from "../../errors.js";
import type { SchemaRegistry } from "../../schema/registry.js";
import { checkOverrides, type OverrideWarning } from "./check.js";
import { compileEntry } from "./compile.js";
import type { Override } from "./types.js";

/** How overrides added while the mock runs are named: `runtime:3` is the third one added since start. */
export const ADDED_SOURCE = "runtime";

/** What compiling needs of the current load: its contracts, their validators, and the seed of fakes. */
export interface CompileTarget {
  contracts: Contract[];
  registryOf(contract: Contract): SchemaRegistry;
  seed: number;
}

/**
 * One entry given as an object (the admin API's body, `mock.use()`, the MSW handlers' `override()`),
 * compiled exactly as a mocks file's entry is: the same shape check, the same MOCKS_* errors, the same
 * contract warnings. `file:n` is its id and the place its errors name.
 */
export function compileGivenEntry(
  value: unknown,
  file: string,
  n: number,
  target: CompileTarget,
): { override: Override; warnings: OverrideWarning[] } {
  const override = compileEntry({ file, index: n - 1, value, lineOf: () => n }, target.contracts);
  return { override, warnings: checkOverrides([override], (o) => target.registryOf(o.contract), target.seed) };
}

interface Added {
  n: number;
  value: unknown;
  override: Override;
}

/**
 * Overrides added at run time (`POST <admin>/mocks`, `mock.use()`): tried before the mocks files',
 * by `priority`, then newest first, as MSW's `server.use()` and WireMock's newest stub are. They outlive `--watch`
 * reloads: each is compiled again against the reloaded contracts.
 */
export class AddedOverrides {
  /** By priority, then newest first. */
  private added: Added[] = [];
  private count = 0;
  /**
   * Runtime ids (`runtime:1`) are this process's: its sequences are counted apart from another
   * replica's `runtime:1` in a shared store, and never continue a deleted override's count.
   */
  private readonly process = Math.random().toString(36).slice(2, 10);

  add(value: unknown, target: CompileTarget): { override: Override; warnings: OverrideWarning[] } {
    const n = this.count + 1;
    const compiled = this.compile(value, n, target);
    this.count = n;
    this.added.unshift({ n, value, override: compiled.override });
    this.added.sort((a, b) => a.override.priority - b.override.priority); // stable: newest first within a priority
    return compiled;
  }

  private compile(value: unknown, n: number, target: CompileTarget): ReturnType<typeof compileGivenEntry> {
    const compiled = compileGivenEntry(value, ADDED_SOURCE, n, target);
    const sequence = compiled.override.sequence;
    if (sequence) sequence.key = `${sequence.key}@${this.process}`;
    return compiled;
  }

  /** Those that answer `operation`, newest first; undefined when none does. */
  of(operation: Operation): Override[] | undefined {
    const found = this.added.filter((a) => a.override.operation === operation).map((a) => a.override);
    return found.length > 0 ? found : undefined;
  }

  all(): Override[] {
    return this.added.map((a) => a.override);
  }

  remove(id: string): boolean {
    const before = this.added.length;
    this.added = this.added.filter((a) => a.override.id !== id);
    return this.added.length < before;
  }

  clear(): void {
    this.added = [];
  }

  /**
   * After a reload: each override compiled against the new contracts. The ones that no longer compile
   * are dropped, and returned with the reason, for the reload's output.
   */
  rebind(target: CompileTarget): MockpactError[] {
    const dropped: MockpactError[] = [];
    const kept: Added[] = [];
    for (const added of this.added) {
      try {
        kept.push({ ...added, override: this.compile(added.value, added.n, target).override });
      } catch (error) {
        dropped.push(
          error instanceof MockpactError
            ? error
            : new MockpactError("MOCKS_INVALID", String(error), { hint: "Add the override again." }),
        );
      }
    }
    this.added = kept;
    return dropped;
  }
}
