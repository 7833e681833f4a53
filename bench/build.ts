/**
 * The benchmark runs the built CLI (`bin/mockpact.js` imports dist/), as users do. dist/ is rebuilt
 * when any file of src/ is newer than it, so a benchmark never measures yesterday's code.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newestMtime(dir: string, suffix: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(suffix)) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function builtMtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Returns whether it built; throws with tsc's output when the build fails. */
export function buildIfStale(): boolean {
  // bin/mockpact.js runs the one-file build (dist/cli/main.bundle.js) when it is not older than dist/cli/main.js.
  const stale =
    builtMtime("dist/cli/main.js") === 0 ||
    builtMtime("dist/cli/main.bundle.js") < builtMtime("dist/cli/main.js") ||
    newestMtime("src", ".ts") > newestMtime("dist", ".js");
  if (!stale) return false;
  const tsc = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
    encoding: "utf8",
  });
  if (tsc.status !== 0) throw new Error(`npm run build failed:\n${tsc.stdout}${tsc.stderr}`);
  const bundle = spawnSync(process.execPath, ["scripts/bundle-cli.mjs"], { encoding: "utf8" });
  if (bundle.status !== 0) throw new Error(`the CLI bundle failed:\n${bundle.stdout}${bundle.stderr}`);
  return true;
}
