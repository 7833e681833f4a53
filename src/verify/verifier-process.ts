/**
 * The process Pact's verifier runs in (forked by verifier-host.ts). Pact's native core prints its
 * verification text and logs straight to file descriptor 1, in colour, whatever that is; in a process
 * of its own that descriptor is a pipe mockpact reads, so the text shows only when asked for
 * (`--verbose`). It receives the core's options over IPC and answers with the core's JSON verdict.
 */
import { createRequire } from "node:module";

// Set before Pact loads: its core sends usage data unless told not to.
process.env.PACT_DO_NOT_TRACK = "true";

type PactCore = typeof import("@pact-foundation/pact-core").default;
type RunMessage = { kind: "run"; id: number; options: Parameters<PactCore["verifyPacts"]>[0] };

const require = createRequire(import.meta.url);
const core = (require("@pact-foundation/pact-core") as { default: PactCore }).default;

process.on("message", (message: RunMessage) => {
  if (message?.kind !== "run") return;
  core
    .verifyPacts(message.options)
    .then((json) => process.send?.({ id: message.id, json: String(json) }))
    // A failed verification rejects with the same JSON as its message; anything else did not run.
    .catch((error: unknown) =>
      process.send?.({ id: message.id, json: error instanceof Error ? error.message : String(error) }),
    );
});
process.on("disconnect", () => process.exit(0));
