#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm run build`; the package ships it built).
import { existsSync } from "node:fs";

process.env.PACT_DO_NOT_TRACK = "true";
const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    "error mockpact is not built: dist/cli/main.js is missing\n  hint: run `npm run build` in the mockpact folder (a clone needs it once after `npm ci`)\n",
  );
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
