import { chooseResponse } from "../http/choose.js";
import { matchRequestMediaType } from "../http/media-type.js";
import type { RouteTarget } from "../http/router.js";
import type { Fallback } from "./options.js";
import type { FallbackReason } from "./proxied-exchange.js";
import type { UpstreamOutcome } from "./upstream.js";

/**
 * Does the mock answer instead of the upstream? Only for an operation the contract documents:
 * - `unimplemented`: the upstream answered 501, or a 404 that is not the operation's documented
 *   404 (a framework's "Cannot GET" page, not the API's own "no such product");
 * - `unreachable` (which implies `unimplemented`): also when the upstream cannot be reached.
 * A timeout is not a fallback: a slow backend is a finding to see (504), not to hide.
 */
export function fallbackReason(
  mode: Fallback,
  target: RouteTarget | undefined,
  outcome: UpstreamOutcome,
): Exclude<FallbackReason, "strict"> | undefined {
  if (mode === "never" || !target) return undefined;
  if (outcome.kind === "unreachable") return mode === "unreachable" ? "unreachable" : undefined;
  if (outcome.kind !== "response") return undefined;
  const status = outcome.response.statusCode ?? 0;
  if (status === 501) return "unimplemented";
  if (status === 404 && !isDocumented404(target, outcome.response.headers["content-type"])) return "unimplemented";
  return undefined;
}

function isDocumented404(target: RouteTarget, contentType: string | undefined): boolean {
  const chosen = chooseResponse(target.operation, 404);
  if (!chosen || chosen.spec.status === "DEFAULT") return false;
  const declared = Object.keys(chosen.spec.content);
  return (
    declared.length === 0 || (contentType !== undefined && matchRequestMediaType(contentType, declared) !== undefined)
  );
}
