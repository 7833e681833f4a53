/** `mockpact` from the sources (no build needed): `node --import tsx test/pact-stubs/cli-entry.ts mock ...`. */
import { main } from "../../src/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
