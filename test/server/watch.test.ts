/**
 * `mockpact mock --watch` as users run it, in a process of its own: editors save by renaming over a
 * file, `git checkout` deletes and re-creates files, deploy scripts swap symlinks. None of it may end
 * the process; a change that leaves nothing loadable keeps the last good version serving, and the
 * next good change reloads.
 */
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdir, rename, rm, symlink, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startCli } from "../support/cli.js";
import { tempDir, until } from "../support/mocks.js";

function pingContract(answer: string): string {
  return `openapi: 3.0.3
info: { title: Ping, version: "1" }
paths:
  /ping:
    get:
      operationId: ping
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { answer: { type: string } } }
              example: { answer: ${answer} }
`;
}

const pingOverride = (answer: string) => `- operation: ping\n  respond: { body: { answer: ${answer} } }\n`;

interface Watched {
  child: ChildProcess;
  url: string;
  output(): { stdout: string; stderr: string };
}

const running: Watched[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cli of running.splice(0)) {
    if (cli.child.exitCode === null && cli.child.signalCode === null) {
      cli.child.kill("SIGTERM");
      await once(cli.child, "exit");
    }
  }
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function folder(): Promise<string> {
  const temp = await tempDir();
  cleanups.push(temp.remove);
  return temp.dir;
}

async function watch(args: string[]): Promise<Watched> {
  const cli = await startCli(["mock", ...args, "--watch", "--port", "0"]);
  running.push(cli);
  return cli;
}

async function answerOf(cli: Watched): Promise<unknown> {
  const response = await fetch(`${cli.url}/ping`);
  return ((await response.json()) as { answer?: unknown }).answer;
}

const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern, "g"))?.length ?? 0;

/** Resolves once the CLI has reported one more failed reload than `before`. */
async function failedReload(cli: Watched, before: number): Promise<void> {
  await until(() => count(cli.output().stderr, /reload of .* failed/) > before);
}

function expectAlive(cli: Watched): void {
  expect(cli.child.exitCode, cli.output().stderr).toBeNull();
  expect(cli.child.signalCode).toBeNull();
}

describe("mockpact mock --watch", () => {
  it.each([
    ["given as a file", (file: string) => file],
    ["found in a folder", (file: string) => path.dirname(file)],
  ])(
    "keeps serving the last good contract when it is deleted (%s), and reloads when it is back",
    async (_how, argument) => {
      const dir = await folder();
      const file = path.join(dir, "ping.yaml");
      await writeFile(file, pingContract("first"));
      const cli = await watch([argument(file)]);
      expect(await answerOf(cli)).toBe("first");
      await unlink(file);
      await failedReload(cli, 0);
      expectAlive(cli);
      expect(cli.output().stderr).toMatch(/CONTRACT_NOT_FOUND .*ping\.yaml.* is gone/);
      expect(await answerOf(cli)).toBe("first");
      await writeFile(file, pingContract("second"));
      await until(async () => (await answerOf(cli)) === "second");
      expectAlive(cli);
    },
  );

  it("keeps serving the last good overrides when their mocks file is deleted, and reloads when it is back", async () => {
    const dir = await folder();
    const contract = path.join(dir, "ping.yaml");
    const mocks = path.join(dir, "mocks", "ping.yaml");
    await writeFile(contract, pingContract("contract"));
    await mkdir(path.dirname(mocks));
    await writeFile(mocks, pingOverride("override-1"));
    const cli = await watch([contract]);
    expect(await answerOf(cli)).toBe("override-1");
    await unlink(mocks);
    await failedReload(cli, 0);
    expectAlive(cli);
    expect(cli.output().stderr).toMatch(/MOCKS_NOT_FOUND .*mocks\/ping\.yaml.* is gone/);
    expect(await answerOf(cli)).toBe("override-1");
    await writeFile(mocks, pingOverride("override-2"));
    await until(async () => (await answerOf(cli)) === "override-2");
    expectAlive(cli);
  });

  it("reloads a contract saved by renaming a new file over it", async () => {
    const dir = await folder();
    const file = path.join(dir, "ping.yaml");
    await writeFile(file, pingContract("before"));
    const cli = await watch([file]);
    await writeFile(`${file}.tmp`, pingContract("after"));
    await rename(`${file}.tmp`, file);
    await until(async () => (await answerOf(cli)) === "after");
    expectAlive(cli);
  });

  it("reloads a contract whose symlink is swapped to another file, and follows the new target's edits", async () => {
    const dir = await folder();
    const [v1, v2, link] = ["v1.yaml", "v2.yaml", "ping.yaml"].map((name) => path.join(dir, name)) as [
      string,
      string,
      string,
    ];
    await writeFile(v1, pingContract("v1"));
    await writeFile(v2, pingContract("v2"));
    await symlink(v1, link);
    const cli = await watch([link]);
    expect(await answerOf(cli)).toBe("v1");
    // As deploy tools swap: a new link beside, renamed over the old one (atomic).
    await symlink(v2, `${link}.new`);
    await rename(`${link}.new`, link);
    await until(async () => (await answerOf(cli)) === "v2");
    await writeFile(v2, pingContract("v2-edited"));
    await until(async () => (await answerOf(cli)) === "v2-edited");
    await rm(v1);
    expectAlive(cli);
  });
});
