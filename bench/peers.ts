/**
 * The peers users compare mockpact with, beside Prism: WireMock (the standalone jar the `wiremock`
 * package ships, on Java) with one stub mapping per request, answering the bytes mockpact answered;
 * and Mockoon's CLI importing the same OpenAPI contract. Each starts in a process of its own, timed
 * from spawn to its first answer; a peer that cannot start is a row saying why, never a failed run.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { freePort } from "../test/support/prism.js";
import { firstAnswer, spawnNode, spawnProgram, type Pinning, type ServerProcess } from "./processes.js";
import type { RunningServer, StartOutcome } from "./servers.js";

const HOST = "127.0.0.1";
const require = createRequire(import.meta.url);

export interface RecordedAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** Why WireMock cannot run here (no java, no jar), or undefined when it can. */
export function wireMockMissing(): string | undefined {
  const java = spawnSync("java", ["-version"], { stdio: "ignore" });
  if (java.error || java.status !== 0) return "skipped: no `java` on PATH (WireMock runs on Java 11+)";
  return wireMockJar() === undefined ? "skipped: the `wiremock` package ships no jar" : undefined;
}

function wireMockJar(): string | undefined {
  try {
    const folder = join(dirname(require.resolve("wiremock/package.json")), "build");
    const jar = readdirSync(folder).find((name) => /^wiremock-standalone-.*\.jar$/.test(name));
    return jar ? join(folder, jar) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * WireMock with one mapping per "METHOD /path" of `answers`, each answering that status, content type
 * and body. Its request journal is bounded like mockpact's (it is unbounded by default).
 */
export async function startWireMock(
  answers: Record<string, RecordedAnswer>,
  folder: string,
  boundMs: number,
  pinning: Pinning,
): Promise<StartOutcome> {
  const missing = wireMockMissing();
  if (missing) return { ok: false, reason: missing };
  await mkdir(join(folder, "mappings"), { recursive: true });
  let index = 0;
  for (const [key, answer] of Object.entries(answers)) {
    const [method, url] = key.split(" ");
    const mapping = {
      request: { method, url },
      response: { status: answer.status, headers: { "Content-Type": answer.contentType }, body: answer.body },
    };
    await writeFile(join(folder, "mappings", `answer-${index++}.json`), JSON.stringify(mapping));
  }
  const port = await freePort(HOST);
  const args = [
    "-jar",
    wireMockJar()!,
    "--port",
    String(port),
    "--bind-address",
    HOST,
    "--root-dir",
    folder,
    "--disable-banner",
    "--max-request-journal-entries",
    "1000",
  ];
  return timedStart(
    "wiremock",
    `http://${HOST}:${port}`,
    "/__admin/health",
    () => spawnProgram("java", args, pinning),
    boundMs,
  );
}

/** `mockoon-cli start --data <contract>`: Mockoon imports the OpenAPI document itself and serves under its base path. */
export async function startMockoon(
  contract: string,
  basePath: string,
  probe: string,
  boundMs: number,
  pinning: Pinning,
): Promise<StartOutcome> {
  const port = await freePort(HOST);
  const entry = resolve(dirname(require.resolve("@mockoon/cli/package.json")), "bin/run.js");
  const args = [
    entry,
    "start",
    "--data",
    contract,
    "--port",
    String(port),
    "--hostname",
    HOST,
    "--disable-log-to-file",
    "--disable-admin-api",
  ];
  return timedStart("mockoon", `http://${HOST}:${port}${basePath}`, probe, () => spawnNode(args, pinning), boundMs);
}

async function timedStart(
  kind: "wiremock" | "mockoon",
  url: string,
  probe: string,
  spawn: () => ServerProcess,
  boundMs: number,
): Promise<StartOutcome> {
  const startedAt = performance.now();
  const child = spawn();
  const startupMs = await firstAnswer(`${url}${probe}`, child, startedAt, boundMs);
  if (startupMs !== undefined)
    return { ok: true, server: { kind, url, process: child, startupMs } satisfies RunningServer };
  const exited = child.exited();
  await child.stop();
  const last = child.output().trim().split("\n").pop()?.slice(0, 200) ?? "";
  return {
    ok: false,
    reason: exited ? `exited before answering: ${last}` : `timed out: no answer within ${boundMs / 1000} s`,
  };
}
