import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProject, installOffline, packTarball, REPO } from "./offline-project.js";

/** The package stays small: everything it ships is read by a user's install. */
const MAX_TARBALL_BYTES = 5 * 1024 * 1024;

let work: string;
let project: string;
let tarball: string;
let installOutput: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "mockpact-package-"));
  project = path.join(work, "user-project");
  await mkdir(project);
  tarball = await packTarball(work);
  installOutput = await installOffline(project, tarball);
}, 300_000);
afterAll(() => rm(work, { recursive: true, force: true }));

const installed = (file: string) => path.join(project, "node_modules/mockpact", file);

describe("the packed tarball, installed offline in a user's project", () => {
  it("installs without a warning (no `prepare` script to run) and stays small", async () => {
    expect(installOutput).not.toMatch(/npm warn|prepare|install-scripts/i);
    expect((await stat(tarball)).size).toBeLessThan(MAX_TARBALL_BYTES);
  });

  it("ships the LICENSE", async () => {
    expect(await readFile(installed("LICENSE"), "utf8")).toMatch(/MIT License/);
  });

  it("answers `npx mockpact --version`", async () => {
    const { version } = JSON.parse(await readFile(path.join(REPO, "package.json"), "utf8")) as { version: string };
    expect((await inProject(project, "npx", ["--offline", "mockpact", "--version"])).trim()).toBe(version);
  });

  it("serves a contract with `mockpact mock`", async () => {
    const bin = path.join(project, "node_modules/.bin/mockpact");
    const child = spawn(bin, ["mock", path.join(REPO, "contracts/shop.yaml"), "--port", "0"], {
      cwd: project,
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let stdout = "";
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(stdout);
          if (match) resolve(match[1]!);
        });
        child.once("exit", (code) => reject(new Error(`mockpact exited ${code} before listening:\n${stdout}`)));
      });
      const res = await fetch(`${url}/shop/products/p-1`);
      expect(res.status).toBe(200);
      expect(await res.json()).toHaveProperty("id");
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("types the express middleware without @types/express (skipLibCheck off)", async () => {
    expect(existsSync(path.join(project, "node_modules/@types/express"))).toBe(false);
    const check = `import type { MockpactMiddleware, mockpactMiddleware } from "./node_modules/mockpact/dist/mock/middleware.js";\nexport type Checked = [MockpactMiddleware, typeof mockpactMiddleware];\n`;
    await writeFile(path.join(project, "check.ts"), check);
    // @types/node only, from the repo: a user of the middleware has node's types, not necessarily express's.
    const compilerOptions = {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      module: "NodeNext",
      moduleResolution: "NodeNext",
      target: "ES2022",
      types: ["node"],
      typeRoots: [path.join(REPO, "node_modules/@types")],
    };
    await writeFile(path.join(project, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["check.ts"] }));
    await expect(inProject(project, path.join(REPO, "node_modules/.bin/tsc"), ["-p", "tsconfig.json"])).resolves.toBe(
      "",
    );
  });

  it("ships every image its README shows", async () => {
    const readme = await readFile(installed("README.md"), "utf8");
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((image) => !/^https?:/.test(image) && !existsSync(installed(image)))).toEqual([]);
  });
});
