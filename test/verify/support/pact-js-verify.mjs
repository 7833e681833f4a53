// Plain Pact JS: its Verifier with state handlers and message providers, in a process of its own (its
// core prints to standard output), as a team without mockpact would run it.
// Usage: node pact-js-verify.mjs <config.json>; writes Pact's JSON verdict to config.out.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

process.env.PACT_DO_NOT_TRACK = "true";
const require = createRequire(import.meta.url);
const { Verifier, providerWithMetadata } = require("@pact-foundation/pact");
const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const stateHandlers = Object.fromEntries(
  Object.entries(config.states).map(([name, s]) => [
    name,
    async () => {
      if (s.fail) throw new Error(s.fail);
      return s.values ?? {};
    },
  ]),
);
const messageProviders = Object.fromEntries(
  Object.entries(config.messages).map(([description, m]) => [
    description,
    providerWithMetadata(() => m.body, m.metadata),
  ]),
);
let json;
try {
  json = String(
    await new Verifier({
      providerBaseUrl: config.providerBaseUrl,
      logLevel: "error",
      stateHandlers,
      messageProviders,
      ...config.source,
    }).verifyProvider(),
  );
} catch (error) {
  json = error instanceof Error ? error.message : String(error);
}
writeFileSync(config.out, json);
