import { REF_FLAGS } from "../contract/flags.js";
import type { FlagTable } from "../options/flag-spec.js";
import { SERVER_FLAGS } from "../server/flags.js";
import type { MockCoreOptions } from "./options-core.js";
import { MAX_JOURNAL_SIZE } from "./journal.js";
import type { MockServerOptions } from "./options-server.js";
import type { MockOptions } from "./options.js";

/** What the mock answers and how, whichever host runs it: its own server, the middleware, `createHandler`. */
export const MOCK_CORE_FLAGS = {
  contracts: {
    flag: "[contracts...]",
    type: "arguments",
    description: "contract files or folders (default: contracts, or none with --pact)",
  },
  pacts: {
    flag: "--pact <file|dir|url>",
    type: "strings",
    description: "serve a pact's interactions as stubs (repeatable); a matching stub wins over the contract's answer",
  },
  seed: { flag: "--seed <n>", type: "number", default: 1, description: "seed of every fake" },
  dynamic: {
    flag: "--dynamic",
    type: "boolean",
    default: false,
    description: "fake responses even where examples exist",
  },
  echoParams: {
    flag: "--no-echo-params",
    type: "boolean",
    default: true,
    description: "do not copy path parameters into same-named properties of example and fake answers",
  },
  requestValidation: {
    flag: "--no-request-validation",
    type: "boolean",
    default: true,
    description: "answer requests even when they break the contract",
  },
  cors: { flag: "--cors", type: "boolean", default: false, description: "answer CORS preflights and allow any origin" },
  maxBody: { flag: "--max-body <size>", type: "string", default: "1mb", description: "largest request body accepted" },
  ...REF_FLAGS,
  mocks: {
    flag: "--mocks <file|dir>",
    type: "strings",
    description:
      "mocks files or folders of overrides and scenarios (repeatable; default: the mocks folder beside the contracts)",
  },
  stateful: {
    flag: "--stateful",
    type: "boolean",
    default: false,
    description: "keep what clients POST, PUT, PATCH and DELETE (resources inferred from the contract's paths)",
  },
  stateMaxItems: {
    flag: "--state-max-items <n>",
    type: "number",
    default: 10_000,
    description: "with --stateful: the most items the state holds in all (a create past it is a 507)",
  },
  stateMaxBytes: {
    flag: "--state-max-bytes <size>",
    type: "string",
    default: "32mb",
    description: "with --stateful: the most JSON the state's items may take in all",
  },
  fixtures: {
    flag: "--fixtures <dir>",
    type: "string",
    description: "with --stateful: start with the items of this fixtures folder (mockpact fixtures --out)",
  },
  latency: {
    flag: "--latency <delay>",
    type: "string",
    description: "delay every answer: 250ms, or a range such as 50-200ms",
  },
  faultRate: {
    flag: "--fault-rate <p>",
    type: "number",
    default: 0,
    description: "share of answers (0 to 1) replaced by a fault",
  },
  // `timeout` is left out by default: a held connection stalls a test run for 30 s per hit.
  faults: {
    flag: "--faults <kinds>",
    type: "list",
    default: ["reset", "empty", "malformed"],
    description: "the faults --fault-rate draws from: reset,empty,malformed,timeout",
  },
  callbacks: {
    flag: "--no-callbacks",
    type: "boolean",
    default: true,
    description: "do not fire the contract's callbacks after answers",
  },
  callbackDelayMs: {
    flag: "--callback-delay <ms>",
    type: "number",
    default: 0,
    description: "wait this long after an answer before firing its callbacks",
  },
  allowCallbacksTo: {
    flag: "--allow-callbacks-to <hosts>",
    type: "list",
    description: "hosts beside loopback that callbacks and webhooks may call (name or name:port, comma-separated)",
  },
} satisfies FlagTable<MockCoreOptions>;

/** The mock's admin API (journal, overrides, state, console), served on the server's own port. */
export const ADMIN_FLAGS = {
  admin: { flag: "--no-admin", type: "boolean", default: true, description: "do not serve the admin API" },
  adminPrefix: {
    flag: "--admin-prefix <path>",
    type: "string",
    default: "/__mockpact",
    description: "where the admin API is served",
  },
  journalSize: {
    flag: "--journal-size <n>",
    type: "number",
    default: 1000,
    description: `how many requests the journal keeps (at most ${MAX_JOURNAL_SIZE})`,
  },
  adminHosts: {
    flag: "--admin-hosts <names>",
    type: "list",
    description: "more host names the admin API accepts in Host, beside loopback, IP addresses and --host (* for any)",
  },
  adminToken: {
    flag: "--admin-token <token>",
    type: "string",
    env: "MOCKPACT_ADMIN_TOKEN",
    description: "require this bearer token on the admin API (for shared environments)",
  },
} satisfies FlagTable<MockServerOptions>;

/** Where the state, scenarios and journal live: memory, or a Redis that replicas share. */
export const STORE_FLAGS = {
  store: {
    flag: "--store <url>",
    type: "string",
    env: "MOCKPACT_STORE",
    description: "keep the state, scenarios and journal in Redis (redis://host:port/db), shared by every replica on it",
  },
  storePrefix: {
    flag: "--store-prefix <prefix>",
    type: "string",
    description: "with --store: the prefix of this mock's keys (default: mockpact: and the contracts' names)",
  },
} satisfies FlagTable<MockServerOptions>;

/** `mockpact mock`: what it answers, then where and how it listens. */
export const MOCK_FLAGS = {
  ...MOCK_CORE_FLAGS,
  ...SERVER_FLAGS,
  ...ADMIN_FLAGS,
  ...STORE_FLAGS,
} satisfies FlagTable<MockOptions>;
