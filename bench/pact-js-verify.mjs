// Plain Pact JS, as a team without mockpact runs it: its Verifier on a pact file against a provider.
// Usage: node bench/pact-js-verify.mjs <provider-base-url> <pact-file>; exit 0 when it verified.
import { createRequire } from "node:module";

process.env.PACT_DO_NOT_TRACK = "true";
const require = createRequire(import.meta.url);
const { Verifier } = require("@pact-foundation/pact");
const [providerBaseUrl, pact] = process.argv.slice(2);
try {
  await new Verifier({ providerBaseUrl, pactUrls: [pact], logLevel: "error" }).verifyProvider();
} catch (error) {
  process.stderr.write(`failed: ${String(error).slice(0, 300)}\n`);
  process.exitCode = 1;
}
