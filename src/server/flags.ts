import type { FlagTable } from "../options/flag-spec.js";
import type { ServerOptions } from "./options.js";

/** What a listening server takes, the mock's and the proxy's: where it binds, how long a request may take. */
export const SERVER_FLAGS = {
  port: { flag: "-p, --port <port>", type: "number", default: 4010, description: "port to listen on" },
  host: { flag: "--host <host>", type: "string", default: "127.0.0.1", description: "host to bind" },
  https: {
    flag: "--https",
    type: "boolean",
    default: false,
    description:
      "serve HTTPS with a self-signed certificate made at start (for localhost, 127.0.0.1, ::1; its fingerprint is printed)",
  },
  cert: { flag: "--cert <file>", type: "string", description: "serve HTTPS with this PEM certificate (with --key)" },
  key: { flag: "--key <file>", type: "string", description: "the PEM private key of --cert" },
  watch: {
    flag: "--watch",
    type: "boolean",
    default: false,
    description:
      "reload when a contract, mocks file or local pact file changes (a broken edit keeps the last good version)",
  },
  // node:http's own defaults are 60 s and 300 s: a client that never finished its headers held a socket that long.
  headersTimeoutMs: {
    flag: "--headers-timeout <ms>",
    type: "number",
    default: 10_000,
    description: "close a connection whose request headers take longer (ms)",
  },
  requestTimeoutMs: {
    flag: "--request-timeout <ms>",
    type: "number",
    default: 30_000,
    description: "close a connection whose whole request takes longer (ms)",
  },
} satisfies FlagTable<ServerOptions>;
