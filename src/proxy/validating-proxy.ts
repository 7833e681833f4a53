import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import type { Violation } from "../schema/violation.js";
import type { Exchange, ExchangeCheck, ResponseChecker } from "./check-response.js";
import { endToEndHeaders, upstreamHeaders, upstreamPath } from "./forward.js";

/** One forwarded request, its real response, and what the contract says about it. */
export interface CheckedExchange {
  exchange: Exchange;
  operationId?: string;
  violations: Violation[];
  /** Set when the provider could not be reached or did not answer in time. */
  error?: string;
  /** Time the proxy spent on this exchange (ms), the provider's own time taken out: forwarding, relaying, checking. */
  overheadMs: number;
}

export interface ValidatingProxyOptions {
  /** The provider's base URL; its path (if any) prefixes every forwarded path. */
  target: string;
  /** Without one, responses are forwarded and recorded but not checked. */
  checker?: ResponseChecker;
  timeoutMs: number;
  onExchange(checked: CheckedExchange): void;
}

export interface ValidatingProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A forwarding proxy on 127.0.0.1 (port 0) between Pact's verifier and the provider. It passes each
 * request on unchanged (method, path, query, body; hop-by-hop headers dropped, Host rewritten),
 * relays the provider's response as it came, and only then checks it against the contract, so the
 * check never delays the response the verifier is waiting for.
 */
export async function startValidatingProxy(options: ValidatingProxyOptions): Promise<ValidatingProxy> {
  const target = new URL(options.target);
  const server = http.createServer((req, res) => forward(req, res, target, options));
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function forward(req: IncomingMessage, res: ServerResponse, target: URL, options: ValidatingProxyOptions): void {
  const started = performance.now();
  const method = req.method ?? "GET";
  const path = upstreamPath(target, req.url ?? "/");
  const upstreamStarted = performance.now();
  const upstream = http.request({ protocol: target.protocol, hostname: target.hostname, port: target.port, method, path, headers: upstreamHeaders(req.headers, target), timeout: options.timeoutMs });
  upstream.on("response", (answer) => {
    const chunks: Buffer[] = [];
    answer.on("data", (chunk: Buffer) => chunks.push(chunk));
    answer.on("end", () => {
      const providerMs = performance.now() - upstreamStarted;
      const body = Buffer.concat(chunks);
      const headers = endToEndHeaders(answer.headers);
      res.writeHead(answer.statusCode ?? 502, { ...headers, "content-length": String(body.length) });
      res.end(body);
      const exchange: Exchange = { method, url: path, status: answer.statusCode ?? 0, headers: answer.headers, body };
      const check = checkExchange(options.checker, exchange, req.url ?? "/");
      options.onExchange({ exchange, operationId: check.operationId, violations: check.violations, overheadMs: performance.now() - started - providerMs });
    });
  });
  upstream.on("timeout", () => upstream.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
  upstream.on("error", (error) => {
    const message = `Failed to forward ${method} ${path} to the provider at ${target.origin}: ${error.message}`;
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
    res.end(message);
    const exchange: Exchange = { method, url: path, status: 502, headers: {}, body: undefined };
    options.onExchange({ exchange, violations: [], error: message, overheadMs: performance.now() - started });
  });
  req.pipe(upstream);
}

/**
 * The contract knows paths under its own server URL, the provider's base URL may add a prefix of
 * its own (`http://host/api`): match the path as sent to the provider first, then as requested.
 */
function checkExchange(checker: ResponseChecker | undefined, exchange: Exchange, requested: string): ExchangeCheck {
  if (!checker) return { violations: [] };
  const check = checker.check(exchange);
  if (check.operationId !== undefined || requested === exchange.url) return check;
  const asRequested = checker.check({ ...exchange, url: requested });
  return asRequested.operationId !== undefined ? asRequested : check;
}
