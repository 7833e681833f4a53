import { checkOption, unusableOptions } from "../errors.js";
import { withDefaults } from "../options/flag-spec.js";
import { duration, port } from "../options/validators.js";
import { SERVER_FLAGS } from "./flags.js";
import type { TlsSource } from "./tls.js";

/** The options of a listening server, apart from what it serves: from the CLI flags one to one, or from code. */
export interface ServerOptions {
  port?: number;
  host?: string;
  /** Serve HTTPS with a self-signed certificate made at start (`cert` and `key` imply HTTPS with those instead). */
  https?: boolean;
  /** PEM certificate file to serve HTTPS with; needs `key`. */
  cert?: string;
  /** PEM private key file of `cert`. */
  key?: string;
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
  tls: TlsSource;
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
    tls: tlsSourceOf(given),
    watch: given.watch,
    // node:http refuses a headers timeout longer than the request timeout: the request's bounds both.
    headersTimeoutMs: Math.min(checkOption("headers-timeout", given.headersTimeoutMs, duration), requestTimeoutMs),
    requestTimeoutMs,
  };
}

/** `--cert` and `--key` come together and imply HTTPS; `--https` alone makes a certificate at start. */
function tlsSourceOf(options: ServerOptions): TlsSource {
  if (options.cert !== undefined || options.key !== undefined) {
    if (!options.cert || !options.key)
      throw unusableOptions(
        "the server",
        "--cert and --key are given together",
        "Give both --cert FILE and --key FILE, or --https alone for a certificate made at start.",
      );
    return { kind: "files", cert: options.cert, key: options.key };
  }
  return options.https ? { kind: "self-signed" } : { kind: "none" };
}
