import { REF_FLAGS } from "../contract/flags.js";
import { invalidOption } from "../errors.js";
import { ADMIN_FLAGS, MOCK_CORE_FLAGS, STORE_FLAGS } from "../mock/flags.js";
import type { FlagTable } from "../options/flag-spec.js";
import { SERVER_FLAGS } from "../server/flags.js";
import type { ProxyOptions } from "./options.js";

export type Fallback = "never" | "unimplemented" | "unreachable";
export const FALLBACKS: Fallback[] = ["never", "unimplemented", "unreachable"];
/** Who answers what the mock covers: the upstream (the mock only falls back), or the mock (the upstream gets the rest). */
export type Preference = "upstream" | "mock";
export const PREFERENCES: Preference[] = ["upstream", "mock"];
type Checked = "requests" | "responses";

/** `mockpact proxy`: the proxy's own flags, then the mock's that apply to its fallback answers and its server. */
export const PROXY_FLAGS = {
  contracts: {
    flag: "[contracts...]",
    type: "arguments",
    default: ["contracts"],
    description: "contract files or folders",
  },
  upstream: {
    flag: "--upstream <url>",
    type: "string",
    required: true,
    description: "the real backend, e.g. http://127.0.0.1:8080",
  },
  validate: {
    flag: "--validate <what>",
    type: "string",
    default: ["requests", "responses"],
    parse: parseValidate,
    description: "requests,responses | requests | responses | none",
  },
  strict: {
    flag: "--strict",
    type: "boolean",
    default: false,
    description: "answer a request that breaks the contract with the mock's 400/422 instead of forwarding it",
  },
  fallback: {
    flag: "--fallback <when>",
    type: "string",
    default: "unimplemented",
    choices: FALLBACKS,
    description: "when the mock answers instead of the upstream",
  },
  prefer: {
    flag: "--prefer <side>",
    type: "string",
    default: "upstream",
    choices: PREFERENCES,
    description: "mock: the mock answers what the contract or mocks entries cover, the upstream the rest",
  },
  record: {
    flag: "--record <dir>",
    type: "string",
    description: "write passing exchanges as fixtures into this folder",
  },
  recordPact: {
    flag: "--record-pact <file>",
    type: "string",
    description: "write passing exchanges as a V4 pact (needs --consumer and --provider)",
  },
  consumer: { flag: "--consumer <name>", type: "string", description: "the consumer's name in the recorded pact" },
  provider: { flag: "--provider <name>", type: "string", description: "the provider's name in the recorded pact" },
  timeoutMs: {
    flag: "--timeout <ms>",
    type: "number",
    default: 30_000,
    description: "longest wait for the upstream (no byte either way)",
  },
  seed: { ...MOCK_CORE_FLAGS.seed, description: "seed of the mock's fakes" },
  dynamic: { ...MOCK_CORE_FLAGS.dynamic, description: "the mock fakes responses even where examples exist" },
  echoParams: {
    ...MOCK_CORE_FLAGS.echoParams,
    description: "the mock copies no path parameter into same-named properties of its answers",
  },
  cors: MOCK_CORE_FLAGS.cors,
  maxBody: {
    ...MOCK_CORE_FLAGS.maxBody,
    description: "largest request body read for checking (larger ones stream through unchecked)",
  },
  ...REF_FLAGS,
  port: SERVER_FLAGS.port,
  host: SERVER_FLAGS.host,
  https: SERVER_FLAGS.https,
  cert: SERVER_FLAGS.cert,
  key: SERVER_FLAGS.key,
  watch: SERVER_FLAGS.watch,
  headersTimeoutMs: SERVER_FLAGS.headersTimeoutMs,
  requestTimeoutMs: SERVER_FLAGS.requestTimeoutMs,
  admin: {
    ...ADMIN_FLAGS.admin,
    description: "do not serve the admin API (journal of proxied exchanges, web console)",
  },
  adminPrefix: ADMIN_FLAGS.adminPrefix,
  journalSize: { ...ADMIN_FLAGS.journalSize, description: "how many exchanges the journal keeps (at most 10000)" },
  adminHosts: ADMIN_FLAGS.adminHosts,
  adminToken: ADMIN_FLAGS.adminToken,
  mocks: MOCK_CORE_FLAGS.mocks,
  ...STORE_FLAGS,
} satisfies FlagTable<ProxyOptions>;

/** `--validate requests,responses` / `none` -> the list `validate` takes. */
export function parseValidate(text: string): Checked[] {
  const parts = text
    .split(",")
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  if (parts.length === 1 && parts[0] === "none") return [];
  if (parts.every((p) => p === "requests" || p === "responses")) return parts as Checked[];
  throw invalidOption("validate", text, "requests,responses (the default), requests, responses or none");
}
