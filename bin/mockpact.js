#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm run build`; the package ships it built).
import { existsSync, statSync } from "node:fs";

process.env.PACT_DO_NOT_TRACK = "true";
// The bundled build of the CLI starts faster (about 50 modules to load instead of ~750); the per-file
// build runs where the bundle is missing or older than it (a plain `tsc` after `npm run build`).
const perFile = new URL("../dist/cli/main.js", import.meta.url);
const bundle = new URL("../dist/cli/main.bundle.js", import.meta.url);
const entry = mtimeOf(bundle) >= mtimeOf(perFile) ? bundle : perFile;
if (!existsSync(perFile)) {
  process.stderr.write(
    "error mockpact is not built: dist/cli/main.js is missing\n  hint: run `npm run build` in the mockpact folder (a clone needs it once after `npm ci`)\n",
  );
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));

function mtimeOf(url) {
  return statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1;
}
