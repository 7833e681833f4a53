import { checkOption } from "../errors.js";
import { withDefaults } from "../options/flag-spec.js";
import { count, type Validator } from "../options/validators.js";
import { resolveServerOptions, type ResolvedServerOptions, type ServerOptions } from "../server/options.js";
import { ADMIN_FLAGS } from "./flags.js";

/** Where and how the mock listens, and its admin API: nothing here changes an answer. */
export interface MockServerOptions extends ServerOptions {
  /** Serve the admin API (default true; `--no-admin`). */
  admin?: boolean;
  /** Where the admin API is served. Default `/__mockpact`. */
  adminPrefix?: string;
  /** How many requests the journal keeps (default 1000; 0 keeps none). */
  journalSize?: number;
}

export interface ResolvedMockServerOptions extends ResolvedServerOptions {
  admin: boolean;
  adminPrefix: string;
  journalSize: number;
}

export function resolveMockServerOptions(options: MockServerOptions): ResolvedMockServerOptions {
  const given = withDefaults(ADMIN_FLAGS, options);
  return {
    ...resolveServerOptions(options),
    admin: given.admin,
    adminPrefix: checkOption("admin-prefix", given.adminPrefix, urlPathPrefix),
    journalSize: checkOption("journal-size", given.journalSize, count),
  };
}

/** `__mockpact/` -> `/__mockpact`: one leading slash, none trailing; `/` alone would hide every route. */
const urlPathPrefix: Validator<string> = {
  expected: "a path such as /__mockpact",
  read: (value) => {
    const trimmed = typeof value === "string" ? `/${value.replace(/^\/+|\/+$/g, "")}` : "/";
    return trimmed !== "/" && /^\/[A-Za-z0-9._~\-/]+$/.test(trimmed) ? trimmed : undefined;
  },
};
