import type { IncomingMessage, ServerResponse } from "node:http";
import type { ContractEngine } from "../http/engine.js";
import { createProxyEngine } from "../proxy/engine.js";
import type { ProxiedExchange } from "../proxy/proxied-exchange.js";
import { createServerHost } from "../server/host.js";
import type { CutRelay } from "./cut-relay.js";

export interface VerifyProxy {
  url: string;
  close(): Promise<void>;
}

/** Responses read whole for checking up to this size; a larger body streams on unchecked (said so). */
const MAX_CHECKED_BODY = 16 * 1024 * 1024;

/**
 * Pact's verifier talks to the provider through mockpact's proxy engine on 127.0.0.1 (port 0): each
 * request passes on unchanged, each response streams back (bounded memory, whatever its size) and is
 * checked against the contract; nothing falls back to a mock and nothing is recorded. An upstream
 * that cannot be reached, is too slow or breaks off its answer is reported as an exchange error.
 */
export async function startVerifyProxy(providerBaseUrl: string, engine: ContractEngine | undefined, timeoutMs: number, onExchange: (exchange: ProxiedExchange) => void, relay?: CutRelay): Promise<VerifyProxy> {
  const options = {
    upstream: new URL(providerBaseUrl),
    validateRequests: false,
    validateResponses: engine !== undefined,
    strict: false,
    fallback: "never" as const,
    cors: false,
    maxBodyBytes: 0,
    maxJsonDepth: 256,
    maxCheckedResponseBytes: MAX_CHECKED_BODY,
    timeoutMs,
    record: undefined,
    recordPact: undefined,
    seed: 1,
  };
  const proxy = createProxyEngine(options, () => ({ engine, mock: undefined }), (exchange) => onExchange(exchange), () => {});
  // Pact's verifier is the only client: the bounds only keep a stuck connection from holding the run.
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    relay?.follow(req, res);
    proxy.handle(req, res);
  };
  const host = createServerHost({ host: "127.0.0.1", port: 0, headersTimeoutMs: 60_000, requestTimeoutMs: 600_000, handle });
  const url = await host.listen();
  return {
    url,
    close: async () => {
      await host.close();
      proxy.release();
    },
  };
}
