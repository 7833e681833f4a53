import type { IncomingMessage } from "node:http";
import { chooseResponse } from "../http/choose.js";
import type { ContractEngine } from "../http/engine.js";
import { isJsonMediaType, matchRequestMediaType } from "../http/media-type.js";
import type { RouteMatch, RouteTarget } from "../http/router.js";
import type { HttpRequest } from "../http/types.js";
import { splitUrl } from "../http/url.js";
import type { LoadedMock } from "../mock/load.js";
import { upstreamPath } from "./forward.js";
import type { ResolvedProxyOptions } from "./options.js";
import type { ProxiedExchange } from "./proxied-exchange.js";
import type { Recorder } from "./recorder.js";
import type { UpstreamTarget } from "./upstream.js";

/** What one contract load gives the proxy engine; swapped whole on `--watch` reloads. */
export interface LoadedProxy {
  /** The compiled contracts; none when only forwarding (verify without a contract): nothing is checked. */
  engine: ContractEngine | undefined;
  /** The mock over the same engine, for `--fallback` and `--strict` answers; none in verify. */
  mock: LoadedMock | undefined;
}

/** The options the proxy engine reads: `mockpact proxy`'s, or the fixed set `mockpact verify` uses. */
export type ProxyEngineOptions = Pick<
  ResolvedProxyOptions,
  | "upstream"
  | "validateRequests"
  | "validateResponses"
  | "strict"
  | "fallback"
  | "prefer"
  | "cors"
  | "maxBodyBytes"
  | "maxJsonDepth"
  | "maxCheckedResponseBytes"
  | "timeoutMs"
  | "record"
  | "recordPact"
  | "seed"
>;

export interface ProxyContext {
  options: ProxyEngineOptions;
  current(): LoadedProxy;
  upstream: UpstreamTarget;
  recorder: Recorder;
  /** Once per exchange, when its response is done: the journal, then `onExchange` (the console, verify's tracker). */
  report(exchange: ProxiedExchange, request: HttpRequest, target: RouteTarget | undefined): void;
}

/**
 * The operation a proxied request calls. The contract knows paths under its own server URL; an
 * upstream whose base URL adds a prefix of its own (`http://host/api`) may be described with that
 * prefix: the path as requested is tried first, then the path as sent upstream.
 */
export function routeOf(
  engine: ContractEngine | undefined,
  upstream: URL,
  req: IncomingMessage,
): RouteMatch | undefined {
  if (!engine) return undefined;
  const method = (req.method ?? "GET").toUpperCase();
  const url = req.url ?? "/";
  const match = engine.router.find(method, splitUrl(url).pathname);
  if (match.kind === "found") return match;
  const sent = splitUrl(upstreamPath(upstream, url)).pathname;
  const again = sent === splitUrl(url).pathname ? match : engine.router.find(method, sent);
  return again.kind === "found" ? again : match;
}

/**
 * Does checking this response need its body? Only where the documented response declares a JSON
 * media type with a schema for it: status and headers are checked without reading a byte.
 */
export function responseBodyNeeded(target: RouteTarget, status: number, contentType: string | undefined): boolean {
  const chosen = chooseResponse(target.operation, status);
  if (!chosen) return false;
  const mediaKey = matchRequestMediaType(contentType, Object.keys(chosen.spec.content));
  return mediaKey !== undefined && chosen.spec.content[mediaKey]?.schema !== undefined && isJsonMediaType(contentType);
}
