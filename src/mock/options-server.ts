import { checkOption } from "../errors.js";
import { withDefaults } from "../options/flag-spec.js";
import { integerBetween, type Validator } from "../options/validators.js";
import { resolveServerOptions, type ResolvedServerOptions, type ServerOptions } from "../server/options.js";
import { ADMIN_FLAGS } from "./flags.js";
import { MAX_JOURNAL_SIZE } from "./journal.js";
import { resolveStore, type StoreChoice } from "./options-store.js";

/** Where and how the mock listens, and its admin API: nothing here changes an answer. */
export interface MockServerOptions extends ServerOptions {
  /** Serve the admin API (default true; `--no-admin`). */
  admin?: boolean;
  /** Where the admin API is served. Default `/__mockpact`. */
  adminPrefix?: string;
  /** How many requests the journal keeps (default 1000; 0 keeps none; at most MAX_JOURNAL_SIZE). */
  journalSize?: number;
  /** Host names the admin API accepts beside loopback names, IP addresses and `host` (`*`: any). */
  adminHosts?: string[];
  /** A bearer token every admin request must carry (the console's page and modules aside). */
  adminToken?: string;
  /** `redis://host:port/db`: keep the state, scenarios and journal in Redis, shared by replicas. Default: memory. */
  store?: string;
  /** With `store`: the prefix of this mock's keys. Default `mockpact:` and the contracts' names. */
  storePrefix?: string;
}

export interface ResolvedMockServerOptions extends ResolvedServerOptions {
  admin: boolean;
  adminPrefix: string;
  journalSize: number;
  adminHosts: string[];
  adminToken: string | undefined;
  store: StoreChoice;
}

/** `inputs`: the contracts and pacts as given, which name the store's keys when no prefix is. */
export function resolveMockServerOptions(
  options: MockServerOptions,
  inputs: { contracts: string[]; pacts: string[] },
): ResolvedMockServerOptions {
  const given = withDefaults(ADMIN_FLAGS, options);
  return {
    ...resolveServerOptions(options),
    admin: given.admin,
    adminPrefix: checkOption("admin-prefix", given.adminPrefix, urlPathPrefix),
    journalSize: checkOption("journal-size", given.journalSize, integerBetween(0, MAX_JOURNAL_SIZE)),
    adminHosts: (given.adminHosts ?? []).map((name) => name.trim()).filter(Boolean),
    adminToken: given.adminToken === undefined ? undefined : checkOption("admin-token", given.adminToken, token),
    store: resolveStore(given.store, given.storePrefix, inputs.contracts, inputs.pacts),
  };
}

/** Printable ASCII, at least 8 characters: it travels in a header, and a short one is guessed. */
const token: Validator<string> = {
  expected: "at least 8 printable characters without spaces",
  read: (value) => (typeof value === "string" && /^[\x21-\x7e]{8,}$/.test(value) ? value : undefined),
};

/** `__mockpact/` -> `/__mockpact`: one leading slash, none trailing; `/` alone would hide every route. */
const urlPathPrefix: Validator<string> = {
  expected: "a path such as /__mockpact",
  read: (value) => {
    const trimmed = typeof value === "string" ? `/${value.replace(/^\/+|\/+$/g, "")}` : "/";
    return trimmed !== "/" && /^\/[A-Za-z0-9._~\-/]+$/.test(trimmed) ? trimmed : undefined;
  },
};
