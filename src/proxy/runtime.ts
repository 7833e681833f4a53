import type { MockCore } from "../mock/core.js";
import { chooseResponse } from "../mock/choose.js";
import type { LoadedMock } from "../mock/load.js";
import { matchRequestMediaType, parseMediaType } from "../mock/media-type.js";
import type { RouteTarget } from "../mock/router.js";
import type { MockRequest } from "../mock/types.js";
import type { ResponseChecker } from "./check-response.js";
import type { ProxiedExchange } from "./proxied-exchange.js";
import type { ResolvedProxyOptions } from "./options.js";
import type { Recorder } from "./recorder.js";
import type { UpstreamTarget } from "./upstream.js";

/** What one contract load gives the proxy; swapped whole on `--watch` reloads. */
export interface LoadedProxy {
  /** The mock as `mockpact mock` loads it (mocks files, state), request validation off: the fallback answers. */
  mock: LoadedMock;
  /** A plain validating core over the same contracts: routes, request checks, the `--strict` answers. */
  validating: MockCore;
  checker: ResponseChecker;
}

export interface ProxyRuntime {
  options: ResolvedProxyOptions;
  current(): LoadedProxy;
  upstream: UpstreamTarget;
  recorder: Recorder;
  /** Once per exchange, when its response is done: the admin journal, then `onExchange` (the console). */
  report(exchange: ProxiedExchange, request: MockRequest, target: RouteTarget | undefined): void;
}

/**
 * Does checking this response need its body? Only where the documented response declares a JSON
 * media type with a schema for it: status and headers are checked without reading a byte.
 */
export function responseBodyNeeded(target: RouteTarget, status: number, contentType: string | undefined): boolean {
  const chosen = chooseResponse(target.operation, status);
  if (!chosen) return false;
  const mediaKey = matchRequestMediaType(contentType, Object.keys(chosen.spec.content));
  if (mediaKey === undefined || !chosen.spec.content[mediaKey]?.schema) return false;
  const media = parseMediaType(contentType);
  return media !== undefined && (media.subtype === "json" || media.suffix === "json");
}
