// The CLI as one ESM file (dist/cli/main.bundle.js), built from the compiled dist/: Node opens,
// resolves and links one module instead of ~750 (our files, ajv's CommonJS, date-fns, faker...), which
// was about 60% of the CPU of importing the CLI, paid by every start of `mockpact mock`.
// bin/mockpact.js runs the bundle when it is there, else dist/cli/main.js: the library entry points
// (mockpact, mockpact/msw) stay the per-file build.
import { build } from "esbuild";

await build({
  entryPoints: [new URL("../dist/cli/main.js", import.meta.url).pathname],
  outfile: new URL("../dist/cli/main.bundle.js", import.meta.url).pathname,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Everything is inside: an external package would be imported at the top of the bundle, even one that
  // the per-file build loads on use only (express, ioredis). Pact's core is loaded through createRequire,
  // which the bundler does not follow, so its native library is found beside its package as before.
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
  logLevel: "warning",
});
