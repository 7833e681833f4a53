#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` through `prepare`).
process.env.PACT_DO_NOT_TRACK = "true";
const { main } = await import("../dist/cli/main.js");
process.exitCode = await main(process.argv.slice(2));
