import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import type { RouteTarget } from "../http/router.js";
import type { HttpRequest } from "../http/types.js";
import { writeResponse } from "../server/node-adapter.js";
import { problem, problemResponse } from "../http/problem.js";
import type { LoadedProxy, ProxyContext, ProxyEngineOptions } from "./context.js";
import { handleExchange } from "./handle-exchange.js";
import type { ProxiedExchange } from "./proxied-exchange.js";
import { createRecorder } from "./recorder.js";

export interface ProxyEngine {
  /** node:http's request handler: one exchange, from the client to the upstream and back. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Resolves once every recording so far is written. */
  flush(): Promise<void>;
  /** Closes the kept-alive upstream connections. */
  release(): void;
}

/**
 * The one forwarding engine of mockpact: streaming and bounded, http and https, content-encoding
 * undone for checks, inactivity timeouts, checks both ways with the contract engine, fallback to
 * the mock, recording. `mockpact proxy` runs it with its flags; `mockpact verify` runs it between
 * Pact's verifier and the provider with responses checked, no fallback and no recording.
 */
export function createProxyEngine(
  options: ProxyEngineOptions,
  current: () => LoadedProxy,
  report: (exchange: ProxiedExchange, request: HttpRequest, target: RouteTarget | undefined) => void,
  onRecordingError: (error: Error) => void,
): ProxyEngine {
  const agent =
    options.upstream.protocol === "https:" ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const recorder = createRecorder(options, () => current().engine?.contracts ?? [], onRecordingError);
  const ctx: ProxyContext = {
    options,
    current,
    upstream: { url: options.upstream, agent, timeoutMs: options.timeoutMs },
    recorder,
    report,
  };
  return {
    handle(req, res) {
      handleExchange(ctx, req, res).catch((error: unknown) =>
        writeResponse(
          res,
          problemResponse(problem("mock-error", error instanceof Error ? error.message : String(error))),
        ),
      );
    },
    flush: () => recorder.flush(),
    release: () => agent.destroy(),
  };
}
