/**
 * The browser build of the mock's core routes with find-my-way, as `mockpact mock` does, so that both
 * route alike. find-my-way requires node:assert, which no browser bundler provides: this writes
 * dist/vendor/find-my-way.js, find-my-way bundled with a two-line assert in its place (it only calls
 * `assert(condition, message)`), and package.json's `browser` field points bundlers at it.
 * Run by `npm run build`; the output is built from node_modules, never committed.
 */
import { createRequire } from "node:module";
import { build } from "esbuild";

const ASSERT = "module.exports = function assert(condition, message) { if (!condition) throw new Error(message); };";

await build({
  // By file: by name, this package's own `browser` field would point back at the output.
  entryPoints: [createRequire(import.meta.url).resolve("find-my-way")],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  outfile: "dist/vendor/find-my-way.js",
  logLevel: "warning",
  plugins: [
    {
      name: "assert",
      setup(bundler) {
        bundler.onResolve({ filter: /^(node:)?assert$/ }, () => ({ path: "assert", namespace: "assert" }));
        bundler.onLoad({ filter: /.*/, namespace: "assert" }, () => ({ contents: ASSERT, loader: "js" }));
      },
    },
  ],
});
