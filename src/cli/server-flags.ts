import type { MockOptions } from "../mock/options.js";

/**
 * The flags `mockpact mock` and `mockpact proxy` share, mapped one to one onto MockOptions (the proxy's
 * options extend them): one mapping, so a flag means the same in both commands.
 */
export function serverOptionsOf(flags: Record<string, unknown>): MockOptions {
  return {
    port: flags.port as number,
    host: flags.host as string,
    seed: flags.seed as number,
    dynamic: flags.dynamic as boolean,
    watch: flags.watch as boolean,
    cors: flags.cors as boolean,
    maxBody: flags.maxBody as string,
    allowRemoteRefs: flags.allowRemoteRefs as boolean,
    refRoot: flags.refRoot as string | undefined,
    admin: flags.admin as boolean,
    adminPrefix: flags.adminPrefix as string,
    journalSize: flags.journalSize as number,
  };
}
