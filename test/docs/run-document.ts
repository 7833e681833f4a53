import { spawn, spawnSync } from "node:child_process";
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { ShellBlock } from "./blocks.js";
import { BLOCK_MARK, FAILED_MARK, scriptOf } from "./script.js";

export interface DocumentRun {
  /** `docs/verify.md:47` of the block that failed, or undefined when every block ran. */
  failedAt?: string;
  /** What the failing block printed (its last lines), or the whole output when nothing failed. */
  output: string;
}

/** Left out of the copy: linked (node_modules, dist: read only here) or not part of a checkout. */
const NOT_COPIED = new Set(["node_modules", "dist", ".git", "reports", "coverage"]);

/** Whether this machine gives a process a network namespace of its own (unshare; root, or user namespaces). */
export const isolatedNetwork: boolean = spawnSync("unshare", ["-rn", "true"]).status === 0;

/**
 * Runs one document's ```sh blocks in a fresh copy of the repository (nothing is left in the repository),
 * in a network namespace of its own when the machine allows it (documents use fixed ports such as 4010,
 * and several documents, or several checkouts, run at once). Servers the blocks start are stopped after.
 */
export async function runDocument(root: string, blocks: ShellBlock[], timeoutMs: number): Promise<DocumentRun> {
  const copy = mkdtempSync(join(tmpdir(), "mockpact-docs-"));
  try {
    cpSync(root, copy, { recursive: true, filter: (source) => !NOT_COPIED.has(relative(root, source)) });
    for (const linked of ["node_modules", "dist"]) symlinkSync(join(root, linked), join(copy, linked), "dir");
    writeFileSync(join(copy, ".docs-blocks.sh"), scriptOf(blocks));
    return outcome(await runScript(copy, timeoutMs));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

// Output goes to a file, not a pipe: a background `npm start &` shares the block's stdout, Node makes a shared
// pipe non-blocking, and a curl writing into a full non-blocking pipe then fails with exit 23.
function runScript(cwd: string, timeoutMs: number): Promise<string> {
  const command = isolatedNetwork ? ["unshare", "-rn", "bash", ".docs-blocks.sh"] : ["bash", ".docs-blocks.sh"];
  const env = { ...process.env, PACT_DO_NOT_TRACK: "true", npm_config_update_notifier: "false", NO_COLOR: "1" };
  const outputFile = `${cwd}.out`; // beside the copy, so that no block sees it
  const fd = openSync(outputFile, "w");
  const child = spawn(command[0]!, command.slice(1), { cwd, env, detached: true, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  let timedOut = "";
  const stopAll = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // the group is gone already
    }
  };
  const timer = setTimeout(() => {
    timedOut = `\n::timeout after ${timeoutMs} ms\n`;
    stopAll("SIGKILL");
  }, timeoutMs);
  return new Promise((resolve) =>
    child.once("exit", () => {
      clearTimeout(timer);
      stopAll("SIGKILL");
      const output = readFileSync(outputFile, "utf8");
      rmSync(outputFile, { force: true });
      resolve(output + timedOut);
    }),
  );
}

function outcome(output: string): DocumentRun {
  const failed = output.split("\n").find((line) => line.startsWith(FAILED_MARK));
  const lastBlock = output.lastIndexOf(BLOCK_MARK);
  const blockOutput = lastBlock >= 0 ? output.slice(lastBlock) : output;
  if (failed) return { failedAt: failed.slice(FAILED_MARK.length).split(" ")[0], output: tail(blockOutput) };
  if (!output.includes("::done")) {
    const place = lastBlock >= 0 ? blockOutput.split("\n")[0]!.slice(BLOCK_MARK.length) : "(before the first block)";
    return { failedAt: place, output: tail(blockOutput) };
  }
  return { output };
}

function tail(text: string): string {
  return text.split("\n").slice(-60).join("\n");
}
