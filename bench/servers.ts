/**
 * The three servers of the benchmark, each a child process: the bare node:http ceiling, `prism mock`
 * and `mockpact mock` (the built CLI, as users run it). Start-up is timed from spawn to the first
 * HTTP answer of any status, polled every 20 ms with a bound.
 */
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { freePort, prismEntry } from "../test/support/prism.js";
import { firstAnswer, spawnNode, waitForLine, type Pinning, type ServerProcess } from "./processes.js";
import type { ServerKind } from "./scenarios.js";

export interface RunningServer {
  kind: ServerKind;
  url: string;
  process: ServerProcess;
  /** Spawn to first answer; undefined for the bare server (not measured). */
  startupMs?: number;
}

export type StartOutcome = { ok: true; server: RunningServer } | { ok: false; reason: string };

const HOST = "127.0.0.1";

/** `node bin/mockpact.js mock <contract>` or `node <prism entry> mock <contract>`, timed to the first answer. */
export async function startContractServer(
  kind: "prism" | "mockpact",
  contract: string,
  probe: string,
  boundMs: number,
  pinning: Pinning,
  mockpactNodeOptions: string[] = [],
): Promise<StartOutcome> {
  const port = await freePort(HOST);
  const url = `http://${HOST}:${port}`;
  const args = contractServerArgs(kind, contract, port, mockpactNodeOptions);
  const startedAt = performance.now();
  const child = spawnNode(args, pinning);
  const startupMs = await firstAnswer(`${url}${probe}`, child, startedAt, boundMs);
  if (startupMs !== undefined) return { ok: true, server: { kind, url, process: child, startupMs } };
  const exited = child.exited();
  await child.stop();
  const reason = exited
    ? `exited before answering: ${lastLine(child.output())}`
    : `timed out: no answer within ${boundMs / 1000} s`;
  return { ok: false, reason };
}

/**
 * The command line of `mockpact mock` or `prism mock` on one contract, as users run them, both without
 * a line per request and with their warnings: Prism at `-v warn`, mockpact at `--log-level silent`
 * (which silences only the request log). The default request log costs extra CPU per request: docs/performance.md says how much.
 */
export function contractServerArgs(
  kind: "prism" | "mockpact",
  contract: string,
  port: number,
  mockpactNodeOptions: string[] = [],
): string[] {
  if (kind === "mockpact")
    return [
      ...mockpactNodeOptions,
      resolve("bin/mockpact.js"),
      "mock",
      contract,
      "--port",
      String(port),
      "--host",
      HOST,
      "--log-level",
      "silent",
    ];
  return [prismEntry(), "mock", contract, "-p", String(port), "-h", HOST, "-v", "warn"];
}

/** The ceiling: answers each request of `answersFile` with the bytes recorded there. */
export async function startBareServer(answersFile: string, pinning: Pinning): Promise<RunningServer> {
  const child = spawnNode([resolve("bench/bare-server.mjs"), answersFile], pinning);
  const match = await waitForLine(child, /listening (\d+)/, 10_000);
  return { kind: "bare", url: `http://${HOST}:${match[1]}`, process: child };
}

function lastLine(text: string): string {
  const lines = text.trim().split("\n");
  return lines[lines.length - 1]?.slice(0, 200) ?? "";
}
