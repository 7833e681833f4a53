import { REF_FLAGS } from "../contract/flags.js";
import type { FlagTable } from "../options/flag-spec.js";
import { REPORT_FLAGS } from "../report/flags.js";
import type { ReportFiles } from "../report/files.js";
import { parseHeader, parseSelectors } from "./flag-values.js";
import type { VerifyOptions } from "./options.js";
import { PACT_LOG_LEVELS } from "./pact-library.js";

/** What only the command line does with a run: print Pact's own text as it comes. */
export interface VerboseFlag {
  verbose?: boolean;
}

/** `mockpact verify`: the options of `verifyProvider()`, the report files the CLI writes from its result, and `--verbose`. */
export const VERIFY_FLAGS = {
  providerBaseUrl: {
    flag: "--provider-base-url <url>",
    type: "string",
    required: true,
    description: "where the provider runs, e.g. http://127.0.0.1:8080",
  },
  pacts: {
    flag: "--pact <file|dir|url>",
    type: "strings",
    description: "a pact file, a folder of them, or a pact URL (repeatable)",
  },
  contracts: {
    flag: "--contract <file>",
    type: "strings",
    description: "the provider's OpenAPI contract (repeatable); without one, only Pact's checks run",
  },
  provider: { flag: "--provider <name>", type: "string", description: "the provider's name (needed with a broker)" },
  brokerUrl: { flag: "--broker-url <url>", type: "string", description: "fetch pacts from a Pact Broker" },
  brokerToken: {
    flag: "--broker-token <token>",
    type: "string",
    env: "PACT_BROKER_TOKEN",
    description: "the broker's bearer token",
  },
  consumerVersionSelectors: {
    flag: "--consumer-version-selectors <json>",
    type: "string",
    parse: parseSelectors,
    description: "JSON list of consumer version selectors, e.g. '[{\"mainBranch\":true}]'",
  },
  enablePending: {
    flag: "--enable-pending",
    type: "boolean",
    default: false,
    description: "pending pacts' Pact failures do not fail the run (schema violations still do)",
  },
  includeWipSince: {
    flag: "--include-wip-since <date>",
    type: "string",
    description: "also verify work-in-progress pacts published since this date",
  },
  publish: { flag: "--publish", type: "boolean", default: false, description: "publish Pact's results to the broker" },
  providerVersion: {
    flag: "--provider-version <version>",
    type: "string",
    description: "the provider version to publish results for",
  },
  providerBranch: {
    flag: "--provider-branch <branch>",
    type: "string",
    description: "the provider's branch, published with the results",
  },
  statesUrl: {
    flag: "--states-url <url>",
    type: "string",
    description: "POSTed {consumer, state, params, action} before and after each interaction",
  },
  states: {
    flag: "--states <file>",
    type: "string",
    description: "a module exporting a map of state name to async handler",
  },
  headers: {
    flag: "--header <'Name: value'>",
    type: "strings",
    parse: parseHeader,
    description: "a header sent with every request to the provider (repeatable)",
  },
  parallel: {
    flag: "--parallel <n>",
    type: "number",
    default: 1,
    description:
      "verify on N workers side by side (pacts, and the interactions of a large one, shared out); provider states must not interfere",
  },
  timeoutMs: {
    flag: "--timeout <ms>",
    type: "number",
    default: 30_000,
    description: "timeout of each request to the provider and of each state change",
  },
  messagePath: {
    flag: "--message-path <path>",
    type: "string",
    description:
      "where the provider answers Pact's message requests (POST {description, providerStates}); default: the base URL",
  },
  asyncapi: {
    flag: "--asyncapi <file>",
    type: "strings",
    description:
      "the provider's AsyncAPI 2.6/3.0 document: each message is checked against its payload schema (repeatable)",
  },
  messageSchemas: {
    flag: "--message-schema <[description=]name>",
    type: "strings",
    description: "the AsyncAPI message, or OpenAPI schema of --contract, that checks a message (repeatable)",
  },
  failIfNoPactsFound: {
    flag: "--no-fail-if-no-pacts-found",
    type: "boolean",
    default: true,
    description: "exit 0 when no interaction was verified",
  },
  ...REPORT_FLAGS,
  verbose: {
    flag: "--verbose",
    type: "boolean",
    default: false,
    description: "show Pact's own verification text and logs as it runs, on standard error",
  },
  logLevel: {
    flag: "--log-level <level>",
    type: "string",
    default: "silent",
    choices: PACT_LOG_LEVELS,
    description: "Pact's own log level (its logs show with --verbose)",
  },
  ...REF_FLAGS,
} satisfies FlagTable<VerifyOptions & ReportFiles & VerboseFlag>;
