// Pact JS's Verifier alone, as mockpact verify runs it (with a request filter, so with Pact JS's own
// proxy) but calling the provider directly: what Pact itself costs for a pact, the baseline that
// mockpact's own cost is measured against. Usage: node pact-alone.mjs <provider-base-url> <pact-file>
import { createRequire } from "node:module";

process.env.PACT_DO_NOT_TRACK = "true";
const require = createRequire(import.meta.url);
const { Verifier } = require("@pact-foundation/pact");
const [providerBaseUrl, pact] = process.argv.slice(2);
try {
  await new Verifier({
    providerBaseUrl,
    pactUrls: [pact],
    logLevel: "error",
    requestFilter: (_req, _res, next) => next(),
  }).verifyProvider();
  process.stdout.write("verified\n");
} catch (error) {
  process.stdout.write(`failed: ${String(error).slice(0, 500)}\n`);
  process.exitCode = 1;
}
