import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const REPO = new URL("../..", import.meta.url).pathname;

interface LockEntry {
  dev?: boolean;
  link?: boolean;
}

/** `npm pack` of the built repo (dist/ as `npm test` built it: no prepack rebuild under running tests). */
export async function packTarball(into: string): Promise<string> {
  const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", into], {
    cwd: REPO,
  });
  return path.join(into, stdout.trim().split("\n").pop()!);
}

/**
 * A user's project with the tarball installed, offline. `npm install --offline <tgz>` cannot work: the
 * cache `npm ci` filled holds tarballs but not the registry's package documents, which a fresh resolve
 * asks for (ENOTCACHED). So the project gets a lock made of the repo's own (every entry that is not
 * dev-only: mockpact's dependency closure, as the repo resolved it), and `npm ci --offline` installs it
 * from the cache alone. Returns npm's output, warnings included.
 */
export async function installOffline(project: string, tarball: string): Promise<string> {
  const lock = JSON.parse(await readFile(path.join(REPO, "package-lock.json"), "utf8")) as {
    packages: Record<string, LockEntry>;
  };
  const manifest = JSON.parse(await readFile(path.join(REPO, "package.json"), "utf8")) as Record<string, unknown>;
  const dependencies = { mockpact: `file:${tarball}` };
  const packages: Record<string, unknown> = { "": { name: "user-project", version: "1.0.0", dependencies } };
  const { version, license, bin, engines, peerDependencies, peerDependenciesMeta } = manifest;
  packages["node_modules/mockpact"] = {
    version,
    resolved: `file:${tarball}`,
    license,
    bin,
    engines,
    dependencies: manifest.dependencies,
    peerDependencies,
    peerDependenciesMeta,
  };
  for (const [key, entry] of Object.entries(lock.packages))
    if (key.startsWith("node_modules/") && !entry.dev && !entry.link) packages[key] = entry;
  await writeFile(
    path.join(project, "package.json"),
    JSON.stringify({ name: "user-project", version: "1.0.0", private: true, dependencies }),
  );
  await writeFile(
    path.join(project, "package-lock.json"),
    JSON.stringify({ name: "user-project", version: "1.0.0", lockfileVersion: 3, requires: true, packages }),
  );
  const { stdout, stderr } = await run("npm", ["ci", "--offline", "--no-audit", "--no-fund"], { cwd: project });
  return stdout + stderr;
}

/** Runs a command in the project and resolves with its output (rejects on a non-zero exit). */
export async function inProject(project: string, command: string, args: string[]): Promise<string> {
  const { stdout, stderr } = await run(command, args, { cwd: project, env: { ...process.env, NO_COLOR: "1" } });
  return stdout + stderr;
}
