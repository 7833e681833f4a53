/** The public programmatic API of mockpact. */
export { createMockServer, type MockServer } from "./mock/server.js";
export type { VerificationApi } from "./mock/verification/library.js";
export type { Expectation } from "./mock/verification/verify.js";
export type { RequestPattern } from "./mock/verification/pattern.js";
export type { JournalEntry } from "./mock/journal.js";
export type { OverrideView } from "./mock/runtime-overrides.js";
export type { MocksEntry } from "./mock/overrides/compile.js";
export { createMockCore, type MockCore } from "./mock/core.js";
export { mockpactMiddleware, type MiddlewareRequest, type MockpactMiddleware } from "./mock/middleware.js";
export { resolveMockOptions, type MockOptions, type ResolvedMockOptions, type MockEvent } from "./mock/options.js";
export type { HttpRequest, HttpResponse } from "./http/types.js";
export { loadContract, findContractFiles, type LoadOptions } from "./contract/index.js";
export type { Contract, Operation, Parameter, ResponseSpec, MediaType, Dialect, SchemaRef } from "./contract/model.js";
export { SchemaRegistry } from "./schema/registry.js";
export type { Violation, ViolationLocation } from "./schema/violation.js";
export { fakeValue, seedFrom, type FakeOptions } from "./fake/index.js";
export {
  generateFixtures,
  type FixturesOptions,
  type FixturesProgress,
  type FixturesResult,
  type FixturesManifest,
  type ManifestEntry,
  type FixtureFailure,
  type FixtureDifference,
  type RequestExample,
} from "./fixtures/index.js";
export { lintContracts, type LintFinding, type LintResult } from "./lint/index.js";
export {
  MockpactError,
  ERROR_CODES,
  WARNING_CODES,
  PROBLEM_KINDS,
  type ErrorCode,
  type WarningCode,
  type ProblemKind,
} from "./errors.js";
export {
  checkCompat,
  compatFindings,
  COMPAT_RULES,
  type CompatOptions,
  type CompatResult,
  type CompatRule,
  type CompatFinding,
  type Severity,
} from "./compat/index.js";
export {
  verifyProvider,
  type VerifyResult,
  type VerifyOptions,
  type ResolvedVerifyOptions,
  resolveVerifyOptions,
  type StateHandlers,
  type StateChange,
} from "./verify/index.js";
export { createProxyServer, type ProxyServer } from "./proxy/server.js";
export { bundleMock, writeBundle } from "./mock/bundle/write.js";
export type { BundleOptions } from "./mock/bundle/options.js";
export type { MockBundle } from "./mock/bundle/format.js";
export { resolveProxyOptions, type ProxyOptions, type ResolvedProxyOptions, type Fallback } from "./proxy/options.js";
export type { ProxiedExchange, AnswerSource, FallbackReason } from "./proxy/proxied-exchange.js";

import { loadMock } from "./mock/load.js";
import { createLiveState } from "./mock/live-state.js";
import { addOverride, removeOverrides } from "./mock/runtime-overrides.js";
import type { MockServer } from "./mock/server.js";
import { resolveMockOptions, type MockOptions } from "./mock/options.js";
import type { HttpRequest } from "./http/types.js";

/**
 * The pure core without a socket: load once, then `handle(request)` as often as needed.
 * `const { handle } = await createHandler({ contracts: ["contracts/shop.yaml"] })`.
 */
export async function createHandler(
  options: MockOptions = {},
): Promise<Pick<MockServer, "handle" | "use" | "resetOverrides">> {
  const resolved = resolveMockOptions(options);
  const live = createLiveState(resolved);
  const mock = await loadMock(resolved, live);
  return {
    handle: (request) => mock.core.handle(request),
    use: (entry) => addOverride(mock, live, entry, resolved),
    resetOverrides: () => void removeOverrides(mock, live),
  };
}
