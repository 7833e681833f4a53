import type { IncomingMessage, ServerResponse } from "node:http";
import type { ContractEngine } from "../http/engine.js";
import { createProxyEngine } from "../proxy/engine.js";
import { createServerHost } from "../server/host.js";
import { tapResponse, type TappedResponse } from "./response-tap.js";
import type { VerifiedExchange } from "./run-log.js";

export interface VerifyProxy {
  url: string;
  close(): Promise<void>;
}

/** Responses read whole for checking up to this size; a larger body streams on unchecked (said so). */
const MAX_CHECKED_BODY = 16 * 1024 * 1024;

/**
 * Pact's verifier talks to the provider through mockpact's proxy engine on 127.0.0.1 (port 0): each
 * request passes on unchanged, each response streams back (bounded memory, whatever its size, its
 * header lines as they came) and is checked against the contract; nothing falls back to a mock and
 * nothing is recorded. An upstream that cannot be reached, is too slow or breaks off its answer is
 * reported as an exchange error. Pact's core is the proxy's only client, so a cut answer reaches it
 * as cut.
 */
export async function startVerifyProxy(
  providerBaseUrl: string,
  engine: ContractEngine | undefined,
  timeoutMs: number,
  onExchange: (exchange: VerifiedExchange) => void,
): Promise<VerifyProxy> {
  const options = {
    upstream: new URL(providerBaseUrl),
    validateRequests: false,
    validateResponses: engine !== undefined,
    strict: false,
    fallback: "never" as const,
    prefer: "upstream" as const,
    cors: false,
    maxBodyBytes: 0,
    maxJsonDepth: 256,
    maxCheckedResponseBytes: MAX_CHECKED_BODY,
    timeoutMs,
    record: undefined,
    recordPact: undefined,
    seed: 1,
  };
  // The proxy reports an exchange with the request's own headers object: it ties the report to the tap.
  const taps = new WeakMap<object, TappedResponse>();
  const proxy = createProxyEngine(
    options,
    () => ({ engine, mock: undefined }),
    (exchange, request) => {
      const tap = taps.get(request.headers);
      const messageBody = tap?.messageBody();
      onExchange({
        ...exchange,
        ...(tap ? { response: tap.response() } : {}),
        ...(messageBody ? { messageBody } : {}),
      });
    },
    () => {},
  );
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    taps.set(req.headers, tapResponse(req, res));
    proxy.handle(req, res);
  };
  const host = createServerHost({
    host: "127.0.0.1",
    port: 0,
    headersTimeoutMs: 60_000,
    requestTimeoutMs: 600_000,
    handle,
  });
  const url = await host.listen();
  return {
    url,
    close: async () => {
      await host.close();
      proxy.release();
    },
  };
}
