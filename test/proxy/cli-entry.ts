// The CLI from source (no build step): `node --import tsx test/proxy/cli-entry.ts proxy ...`.
import { main } from "../../src/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
