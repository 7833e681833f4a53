/**
 * `mockpact fixtures` killed half-way (`kill -9`, a CI job cancelled) and refused runs: what they
 * leave is found by the next run. `--check` says the folder is not what it would write, `--clean`
 * takes it back to exactly the files of the plan, and a refused run creates nothing, not even an
 * empty folder, outside --out.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdir, readdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateFixtures } from "../../src/fixtures/index.js";
import { runCliInProcess } from "../support/in-process-cli.js";
import { listFiles, removeTempDirsAfterEach, tempDir } from "../fixtures/support.js";

removeTempDirsAfterEach();

const BIN = new URL("../../bin/mockpact.js", import.meta.url).pathname;
const OPERATIONS = 150;

/** Many operations, each with a 200 and a 404 and a request: enough files that a kill lands mid-write. */
function manyOperations(): string {
  const op = (i: number) =>
    `  /things${i}/{id}:\n    get:\n      operationId: get${i}\n      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]\n      responses:\n        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Thing" } } } }\n        "404": { description: no, content: { application/json: { schema: { type: object, required: [message], properties: { message: { type: string } } } } } }\n`;
  return `openapi: 3.0.3\ninfo: { title: Many, version: "1" }\npaths:\n${Array.from({ length: OPERATIONS }, (_, i) => op(i)).join("")}components:\n  schemas:\n    Thing: { type: object, required: [id, name], properties: { id: { type: integer }, name: { type: string }, tags: { type: array, items: { type: string } } } }\n`;
}

/** Starts a run of the CLI and kills it (SIGKILL) once it has written `enough` files, or lets it end. */
async function killMidWrite(args: string[], out: string, enough: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: "ignore" });
  const exited = once(child, "exit");
  for (let polls = 0; polls < 2_000 && child.exitCode === null; polls++) {
    if ((await listFiles(out).catch(() => [])).length >= enough) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  child.kill("SIGKILL");
  await exited;
}

/** The pid of a process that has ended: its temporaries can be nobody's work in progress. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await once(child, "exit");
  return child.pid!;
}

describe("a run killed mid-write", () => {
  it("is found by --check (orphans, temporaries) and undone by --clean, back to exactly the plan's files", async () => {
    const dir = await tempDir();
    const contract = path.join(dir, "many.yaml");
    await writeFile(contract, manyOperations());
    const out = path.join(dir, "out");
    const first = ["fixtures", contract, "--out", out];
    await generateFixtures({ contracts: [contract], out });
    const planned = await listFiles(out);
    expect(planned).toHaveLength(OPERATIONS + 1); // a 200 each, and the manifest

    // A second run with other options, killed once it has written some of its new files.
    await killMidWrite([...first, "--status", "all", "--requests", "--count", "3"], out, planned.length + 20);
    await writeFile(path.join(out, "many.yaml", "get7", `.200.json.${await deadPid()}.1.tmp`), '{"half":');
    expect((await listFiles(out)).length).toBeGreaterThan(planned.length);

    const check = await runCliInProcess([...first, "--check"]);
    expect(check.code, check.stdout).toBe(1);
    expect(check.stdout).toMatch(/leftover\s+many\.yaml\/get7\/\.200\.json\.\d+\.1\.tmp/);

    const clean = await runCliInProcess([...first, "--clean"]);
    expect(clean.code, clean.stderr).toBe(0);
    expect(await listFiles(out)).toEqual(planned);
    expect((await runCliInProcess([...first, "--check"])).code).toBe(0);
  }, 60_000);
});

describe("a refused run", () => {
  it("creates no folder through a symlinked folder, let alone a file", async () => {
    const dir = await tempDir();
    const elsewhere = path.join(dir, "elsewhere");
    await mkdir(path.join(dir, "out"), { recursive: true });
    await mkdir(elsewhere);
    await symlink(elsewhere, path.join(dir, "out", "shop.yaml"), "dir");
    const run = await runCliInProcess([
      "fixtures",
      "contracts/shop.yaml",
      "--out",
      path.join(dir, "out"),
      "--requests",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/FIXTURE_WRITE .*outside the output folder/);
    expect(await readdir(elsewhere, { recursive: true })).toEqual([]);
    expect(existsSync(path.join(dir, "out", "shop.yaml", "index.json"))).toBe(false);
  });
});
