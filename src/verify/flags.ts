import { REF_FLAGS } from "../contract/flags.js";
import type { FlagTable } from "../options/flag-spec.js";
import { REPORT_FLAGS } from "../report/flags.js";
import type { ReportFiles } from "../report/files.js";
import { parseHeader, parseSelectors } from "./flag-values.js";
import type { VerifyOptions } from "./options.js";
import { PACT_LOG_LEVELS } from "./pact-library.js";

/** `mockpact verify`: the options of `verifyProvider()`, and the report files the CLI writes from its result. */
export const VERIFY_FLAGS = {
  providerBaseUrl: { flag: "--provider-base-url <url>", type: "string", required: true, description: "where the provider runs, e.g. http://127.0.0.1:8080" },
  pacts: { flag: "--pact <file|dir|url>", type: "strings", description: "a pact file, a folder of them, or a pact URL (repeatable)" },
  contracts: { flag: "--contract <file>", type: "strings", description: "the provider's OpenAPI contract (repeatable); without one, only Pact's checks run" },
  provider: { flag: "--provider <name>", type: "string", description: "the provider's name (needed with a broker)" },
  brokerUrl: { flag: "--broker-url <url>", type: "string", description: "fetch pacts from a Pact Broker" },
  brokerToken: { flag: "--broker-token <token>", type: "string", env: "PACT_BROKER_TOKEN", description: "the broker's bearer token" },
  consumerVersionSelectors: {
    flag: "--consumer-version-selectors <json>",
    type: "string",
    parse: parseSelectors,
    description: "JSON list of consumer version selectors, e.g. '[{\"mainBranch\":true}]'",
  },
  enablePending: { flag: "--enable-pending", type: "boolean", default: false, description: "pending pacts do not fail the run" },
  includeWipSince: { flag: "--include-wip-since <date>", type: "string", description: "also verify work-in-progress pacts published since this date" },
  publish: { flag: "--publish", type: "boolean", default: false, description: "publish Pact's results to the broker" },
  providerVersion: { flag: "--provider-version <version>", type: "string", description: "the provider version to publish results for" },
  providerBranch: { flag: "--provider-branch <branch>", type: "string", description: "the provider's branch, published with the results" },
  statesUrl: { flag: "--states-url <url>", type: "string", description: "POSTed {consumer, state, params, action} before and after each interaction" },
  states: { flag: "--states <file>", type: "string", description: "a module exporting a map of state name to async handler" },
  headers: { flag: "--header <'Name: value'>", type: "strings", parse: parseHeader, description: "a header sent with every request to the provider (repeatable)" },
  timeoutMs: { flag: "--timeout <ms>", type: "number", default: 30_000, description: "timeout of each request to the provider and of each state change" },
  ...REPORT_FLAGS,
  logLevel: { flag: "--log-level <level>", type: "string", default: "silent", choices: PACT_LOG_LEVELS, description: "Pact's own log level" },
  ...REF_FLAGS,
} satisfies FlagTable<VerifyOptions & ReportFiles>;
