import { resolveMockCoreOptions, type MockCoreOptions, type ResolvedMockCoreOptions } from "./options-core.js";
import { resolveMockServerOptions, type MockServerOptions, type ResolvedMockServerOptions } from "./options-server.js";

export type { MockEvent } from "./options-core.js";

/**
 * What a user may set, from the CLI flags one to one (mock/flags.ts), or from code: the core's options
 * (what is answered, for every host) and the server's (where and how it listens).
 */
export interface MockOptions extends MockCoreOptions, MockServerOptions {}

export interface ResolvedMockOptions extends ResolvedMockCoreOptions, ResolvedMockServerOptions {}

/** Options -> ResolvedOptions in one place: the flag tables' defaults, then every value checked. */
export function resolveMockOptions(options: MockOptions = {}): ResolvedMockOptions {
  const core = resolveMockCoreOptions(options);
  return { ...core, ...resolveMockServerOptions(options, core) };
}
