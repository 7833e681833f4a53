import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A real redis-server (Debian's) for the store tests: on a free port, no persistence, in a temp
 * folder; stopped and started again on the same port to play an outage. CI (CI=true or
 * MOCKPACT_REDIS_TESTS=required, set by .ci/run) fails without one; elsewhere the tests say in one
 * line that they were skipped.
 */
export interface RedisServer {
  url: string;
  port: number;
  /** Kills the server (SIGKILL: as a crash, nothing saved). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

const required = process.env.MOCKPACT_REDIS_TESTS === "required" || process.env.CI === "true";
const BINARY = process.env.REDIS_SERVER ?? "redis-server";
/** Polls of PING while a server starts, 50 ms apart. */
const PING_POLLS = 200;

export function skipWithoutRedis(): boolean {
  if (spawnSync(BINARY, ["--version"], { stdio: "ignore" }).status === 0) return false;
  if (required)
    throw new Error("Redis tests are required here but redis-server was not found (apt-get install -y redis-server)");
  process.stderr.write("redis tests skipped: no redis-server found (apt-get install -y redis-server)\n");
  return true;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "mockpact-redis-"));
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      BINARY,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
      { stdio: "ignore" },
    );
    await untilPong(port);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}/0`,
    port,
    start,
    stop: async () => {
      if (!child || child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGKILL");
      await exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** PING over a raw socket until +PONG, a bounded number of times. */
async function untilPong(port: number): Promise<void> {
  for (let poll = 0; poll < PING_POLLS; poll++) {
    if (await pong(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer PING`);
}

function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once("error", () => resolve(false));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.connect(port, "127.0.0.1", () => socket.write("PING\r\n"));
  });
}
