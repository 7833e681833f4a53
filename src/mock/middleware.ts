import type { IncomingMessage, ServerResponse } from "node:http";
import { createDelivery } from "../server/delivery.js";
import { readBody, toHttpRequest, writeResponse } from "../server/node-adapter.js";
import { loadMock } from "./load.js";
import { resolveMockOptions, type MockOptions } from "./options.js";
import type { HttpRequest } from "../http/types.js";

/**
 * The request as express, connect and Vite's dev server hand it on: node's own, with the mounted
 * path's full URL and a body parser's result when those ran. Typed with node:http alone, so that the
 * package's types need no express types installed beside it.
 */
export type MiddlewareRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

export type MockpactMiddleware = ((
  req: MiddlewareRequest,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void) & { ready: Promise<void> };

/**
 * The mock inside an existing express (or connect) app or dev server. Requests no contract
 * describes go on to `next()`, so the host app keeps its own routes. If a body parser ran first,
 * its result is used; otherwise the raw body is read here with the same limit as the server.
 */
export function mockpactMiddleware(options: MockOptions = {}): MockpactMiddleware {
  const resolved = resolveMockOptions(options);
  const loading = loadMock(resolved);
  const delivery = createDelivery(); // delays and faults of mocks entries, --latency, --fault-rate
  const middleware = ((req: MiddlewareRequest, res: ServerResponse, next: (error?: unknown) => void) => {
    const url = req.originalUrl ?? req.url ?? "/";
    loading
      .then(async (mock) => {
        const method = (req.method ?? "GET").toUpperCase();
        const pathname = url.split("?")[0] ?? "/";
        const unrouted = mock.core.engine.router.find(method, pathname).kind === "not-found";
        if (unrouted && !mock.stubs) return next();
        const body = await bodyOf(req, resolved.maxBodyBytes);
        if (!body.ok) return writeResponse(res, body.response);
        const request: HttpRequest = { ...toHttpRequest(req, body.body), url };
        if (unrouted && mock.stubs?.answer(request).kind !== "matched") return next(); // --pact: only a matching stub keeps it
        delivery.deliver(res, await mock.core.handle(request));
      })
      .catch(next);
  }) as MockpactMiddleware;
  middleware.ready = loading.then(() => undefined);
  return middleware;
}

async function bodyOf(req: MiddlewareRequest, maxBytes: number): ReturnType<typeof readBody> {
  const parsed: unknown = req.body;
  if (Buffer.isBuffer(parsed)) return { ok: true, body: parsed };
  if (typeof parsed === "string") return { ok: true, body: Buffer.from(parsed) };
  if (parsed !== undefined && parsed !== null && typeof parsed === "object" && req.readableEnded)
    return { ok: true, body: Buffer.from(JSON.stringify(parsed)) };
  return readBody(req, maxBytes);
}
