import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { VerifierOptions } from "@pact-foundation/pact-core";
import { MockpactError } from "../errors.js";

export type CoreVerifierOptions = VerifierOptions;

/** Pact's verifier in a process of its own: one per `verifyProvider` call, several runs in turn. */
export interface VerifierHost {
  /** Pact's JSON verdict (passed or failed), or the text of why the core did not run. */
  run(options: CoreVerifierOptions): Promise<string>;
  close(): void;
}

/** Where the compiled verifier-process is: beside this file, or beside the CLI's one-file build (dist/cli/). */
const BUILT_PLACES = ["./verifier-process.js", "../verify/verifier-process.js"];

/**
 * Forks verifier-process (the compiled .js beside this file; from the sources in tests, the .ts
 * through tsx). What the core prints goes to `onOutput`, never to mockpact's own standard output.
 * `env` adds variables to the process's environment (an undefined value removes one).
 */
export function startVerifierHost(
  onOutput: (text: string) => void,
  env: Record<string, string | undefined> = {},
): VerifierHost {
  const js = BUILT_PLACES.map((place) => fileURLToPath(new URL(place, import.meta.url))).find((file) =>
    existsSync(file),
  );
  const entry = js ?? fileURLToPath(new URL("./verifier-process.ts", import.meta.url));
  const child = fork(entry, [], {
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    execArgv: js ? [] : ["--import", "tsx"],
    env: { ...process.env, ...env, PACT_DO_NOT_TRACK: "true" },
  });
  child.stdout!.on("data", (chunk: Buffer) => onOutput(chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => onOutput(chunk.toString("utf8")));
  const pending = new Map<number, { resolve(json: string): void; reject(error: Error): void }>();
  child.on("message", (message: { id: number; json: string }) => {
    pending.get(message.id)?.resolve(message.json);
    pending.delete(message.id);
  });
  child.once("exit", (code, signal) => {
    for (const { reject } of pending.values()) reject(died(code, signal));
    pending.clear();
  });
  let next = 0;
  return {
    run(options) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        if (child.exitCode !== null || child.signalCode !== null) return reject(died(child.exitCode, child.signalCode));
        pending.set(id, { resolve, reject });
        child.send({ kind: "run", id, options });
      });
    },
    close: () => stop(child),
  };
}

function stop(child: ChildProcess): void {
  if (child.connected) child.disconnect();
  if (child.exitCode === null) child.kill();
}

function died(code: number | null, signal: NodeJS.Signals | null): MockpactError {
  return new MockpactError(
    "VERIFIER_FAILED",
    `Failed to verify: Pact's verifier process ended (${signal ?? `exit code ${code}`}) before it answered`,
    {
      hint: "Run again with --verbose to see what Pact's core printed before it stopped.",
    },
  );
}
