import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadContract } from "../../src/contract/index.js";
import { compileContracts } from "../../src/http/engine.js";
import type { Violation } from "../../src/schema/violation.js";

/** A temporary folder for mocks files and fixtures; `remove()` deletes it. */
export async function tempDir(): Promise<{
  dir: string;
  write(name: string, text: string): Promise<string>;
  remove(): Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), "mockpact-mocks-"));
  return {
    dir,
    write: async (name, text) => {
      const file = path.join(dir, name);
      await writeFile(file, text);
      return file;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Polls `check` every 20 ms, up to `ms`: for what a file watcher or a socket does in its own time. */
export async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Checks what the mock answered against its contract, with the proxy's checker (status, headers, body schema). */
export async function contractChecker(
  file: string,
): Promise<(method: string, url: string, res: { status: number; headers: Headers; text: string }) => Violation[]> {
  const engine = compileContracts([await loadContract(file)]);
  return (method, url, res) =>
    engine.checkResponse({
      method,
      url: new URL(url).pathname + new URL(url).search,
      status: res.status,
      headers: Object.fromEntries(res.headers),
      body: Buffer.from(res.text),
    }).violations;
}
