import { checkOption } from "../errors.js";
import { withDefaults } from "../options/flag-spec.js";
import { duration, port } from "../options/validators.js";
import { SERVER_FLAGS } from "./flags.js";

/** The options of a listening server, apart from what it serves: from the CLI flags one to one, or from code. */
export interface ServerOptions {
  port?: number;
  host?: string;
  /** Reload what was loaded when its files change; a broken edit keeps the last good version. */
  watch?: boolean;
  /** A connection whose request headers have not all arrived after this long is closed (slow clients). Default 10 s. */
  headersTimeoutMs?: number;
  /** A connection whose whole request has not arrived after this long is closed. Default 30 s. */
  requestTimeoutMs?: number;
}

export interface ResolvedServerOptions {
  port: number;
  host: string;
  watch: boolean;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

export function resolveServerOptions(options: ServerOptions): ResolvedServerOptions {
  const given = withDefaults(SERVER_FLAGS, options);
  const requestTimeoutMs = checkOption("request-timeout", given.requestTimeoutMs, duration);
  return {
    port: checkOption("port", given.port, port),
    host: given.host,
    watch: given.watch,
    // node:http refuses a headers timeout longer than the request timeout: the request's bounds both.
    headersTimeoutMs: Math.min(checkOption("headers-timeout", given.headersTimeoutMs, duration), requestTimeoutMs),
    requestTimeoutMs,
  };
}
