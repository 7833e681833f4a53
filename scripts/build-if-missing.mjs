// `npm start` from a fresh clone: `npm ci` no longer builds (the package is built when packed, and an
// install script would be a warning for every user of the tarball), so the first start builds dist/.
// After pulling changes, `npm run build` brings dist/ up to date.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

// The bundled CLI too: a dist/ built before it existed still starts, but slower (bin/mockpact.js falls back).
const built = ["../dist/cli/main.js", "../dist/cli/main.bundle.js"].every((file) =>
  existsSync(new URL(file, import.meta.url)),
);
if (!built) execSync("npm run build", { stdio: "inherit" });
