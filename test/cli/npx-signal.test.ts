import { spawn } from "node:child_process";
import { setTimeout as pause } from "node:timers/promises";
import { expect, it } from "vitest";

const REPO = new URL("../..", import.meta.url).pathname;
/** Attempts to see the port closed, 50 ms apart; a server that ignores its end never passes. */
const CLOSE_POLLS = 200;

async function refuses(url: string): Promise<boolean> {
  for (let poll = 0; poll < CLOSE_POLLS; poll++) {
    const answered = await fetch(url).then(
      () => true,
      () => false,
    );
    if (!answered) return true;
    await pause(50);
  }
  return false;
}

it("`npx mockpact mock ... & kill $!` frees the port: the server stops when npm is gone", async () => {
  // npx runs the bin through `sh -c`, which does not pass npm's SIGTERM on to node.
  const npx = spawn("npx", ["--offline", "mockpact", "mock", "contracts/shop.yaml", "--port", "0"], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  let stdout = "";
  npx.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    npx.stdout.on("data", () => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    npx.once("exit", (code) => reject(new Error(`npx exited ${code} before listening:\n${stdout}`)));
  });
  expect((await fetch(`${url}/shop/products`)).status).toBe(200);
  npx.kill("SIGTERM");
  expect(await refuses(`${url}/shop/products`)).toBe(true);
}, 60_000);
