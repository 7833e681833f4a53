// `npm start` from a fresh clone: `npm ci` no longer builds (the package is built when packed, and an
// install script would be a warning for every user of the tarball), so the first start builds dist/.
// After pulling changes, `npm run build` brings dist/ up to date.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync(new URL("../dist/cli/main.js", import.meta.url))) execSync("npm run build", { stdio: "inherit" });
