import type { AdminAccess } from "./admin/guard.js";
import type { ResolvedMockOptions } from "./options.js";

/** Who may use the admin API of a server with these options. */
export function adminAccessOf(options: ResolvedMockOptions): AdminAccess {
  return { boundHost: options.host, hosts: options.adminHosts, token: options.adminToken };
}

/**
 * A server bound beyond loopback serves every machine that reaches it, the admin API (journal,
 * reset) too: said once, at listen, with what protects it.
 */
export function warnIfExposed(options: ResolvedMockOptions): void {
  if (isLoopbackHost(options.host)) return;
  const admin = !options.admin
    ? ""
    : options.adminToken
      ? "; its admin API needs the --admin-token"
      : "; its admin API (journal, state, reset) is open to them: set --admin-token, or --no-admin";
  options.onEvent({
    type: "warning",
    message: `Listening on ${options.host}: every machine that reaches this address can use the server${admin}`,
  });
}

function isLoopbackHost(host: string): boolean {
  return host === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(host) || host === "::1" || host === "[::1]";
}
