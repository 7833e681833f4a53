import { createRequire } from "node:module";

type PactLibrary = typeof import("@pact-foundation/pact");

/** Levels of Pact's own logs; `silent` keeps Pact's JS logger quiet and its native core at `error`. */
export const PACT_LOG_LEVELS = ["silent", "error", "warn", "info", "debug", "trace"] as const;
export type PactLogLevel = (typeof PACT_LOG_LEVELS)[number];

const require = createRequire(import.meta.url);
let library: PactLibrary | undefined;

/**
 * Loads @pact-foundation/pact on first use, never before `PACT_DO_NOT_TRACK` is set: Pact's core
 * sends usage data unless told not to, and nothing of mockpact may phone home.
 */
export function pactLibrary(): PactLibrary {
  process.env.PACT_DO_NOT_TRACK = "true";
  library ??= require("@pact-foundation/pact") as PactLibrary;
  return library;
}
