// The CLI as a few ESM files (dist/cli/main.bundle.js and its chunks main.bundle.*.js), built from the
// compiled dist/: Node opens, resolves and links about 50 modules instead of ~750 (our files, ajv's
// CommonJS, date-fns, faker...), which was about 60% of the CPU of importing the CLI, paid by every
// start of `mockpact mock`. What a command loads on use only (verify, proxy, the admin app, Redis)
// sits in chunks of its own, so that `mock` does not even parse it. The chunks sit beside
// dist/cli/main.js, so that paths relative to a module (`new URL(..., import.meta.url)`) resolve
// as from the per-file build's dist/cli/.
// bin/mockpact.js runs the bundle when it is there, else dist/cli/main.js: the library entry points
// (mockpact, mockpact/msw) stay the per-file build.
import { build } from "esbuild";
import { readdirSync, rmSync } from "node:fs";
import { pathToFileURL } from "node:url";

const cliFolder = new URL("../dist/cli/", import.meta.url);

/** esbuild's options for the bundle, written to `outdir` (a test bundles into a folder of its own). */
export const bundleOptions = (outdir) => ({
  entryPoints: { "main.bundle": new URL("main.js", cliFolder).pathname },
  outdir,
  chunkNames: "main.bundle.[hash]",
  splitting: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["selfsigned"],
  // Packages are inside: an external one that a module imports statically would be imported at the top
  // of its chunk. selfsigned, a CommonJS package that only `import()` loads, stays outside: a chunk made
  // of it would export its module.exports as `default` only, not `generate`. Pact's core is loaded
  // through createRequire, which the bundler does not follow, so its native library is found as before.
  // CommonJS packages inside an ESM bundle still call require() for Node's own modules, and a few read
  // __dirname (ioredis, to trim its own frames from stacks).
  banner: {
    js: [
      'import { createRequire as bundleRequire } from "node:module";',
      'import { fileURLToPath as bundleFileURLToPath } from "node:url";',
      "const require = bundleRequire(import.meta.url);",
      "const __filename = bundleFileURLToPath(import.meta.url);",
      'const __dirname = bundleFileURLToPath(new URL(".", import.meta.url));',
    ].join("\n"),
  },
  legalComments: "eof",
  // Whitespace and syntax only: ~30% fewer bytes for V8 to scan at every start (~17 ms of CPU), while the
  // names in a stack trace stay the source's.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
});

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const name of readdirSync(cliFolder)) if (name.startsWith("main.bundle")) rmSync(new URL(name, cliFolder));
  await build(bundleOptions(cliFolder.pathname));
}
