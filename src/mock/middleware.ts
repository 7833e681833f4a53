import type { NextFunction, Request, Response } from "express";
import { createDelivery } from "../server/delivery.js";
import { readBody, toHttpRequest, writeResponse } from "../server/node-adapter.js";
import { loadMock } from "./load.js";
import { resolveMockOptions, type MockOptions } from "./options.js";
import type { HttpRequest } from "../http/types.js";

export type MockpactMiddleware = ((req: Request, res: Response, next: NextFunction) => void) & { ready: Promise<void> };

/**
 * The mock inside an existing express (or connect) app or dev server. Requests no contract
 * describes go on to `next()`, so the host app keeps its own routes. If a body parser ran first,
 * its result is used; otherwise the raw body is read here with the same limit as the server.
 */
export function mockpactMiddleware(options: MockOptions = {}): MockpactMiddleware {
  const resolved = resolveMockOptions(options);
  const loading = loadMock(resolved);
  const delivery = createDelivery(); // delays and faults of mocks entries, --latency, --fault-rate
  const middleware = ((req: Request, res: Response, next: NextFunction) => {
    loading
      .then(async (mock) => {
        const method = req.method.toUpperCase();
        const pathname = req.originalUrl.split("?")[0] ?? "/";
        const unrouted = mock.core.engine.router.find(method, pathname).kind === "not-found";
        if (unrouted && !mock.stubs) return next();
        const body = await bodyOf(req, resolved.maxBodyBytes);
        if (!body.ok) return writeResponse(res, body.response);
        const request: HttpRequest = { ...toHttpRequest(req, body.body), url: req.originalUrl };
        if (unrouted && mock.stubs?.answer(request).kind !== "matched") return next(); // --pact: only a matching stub keeps it
        delivery.deliver(res, await mock.core.handle(request));
      })
      .catch(next);
  }) as MockpactMiddleware;
  middleware.ready = loading.then(() => undefined);
  return middleware;
}

async function bodyOf(req: Request, maxBytes: number): ReturnType<typeof readBody> {
  const parsed: unknown = req.body;
  if (Buffer.isBuffer(parsed)) return { ok: true, body: parsed };
  if (typeof parsed === "string") return { ok: true, body: Buffer.from(parsed) };
  if (parsed !== undefined && parsed !== null && typeof parsed === "object" && req.readableEnded) return { ok: true, body: Buffer.from(JSON.stringify(parsed)) };
  return readBody(req, maxBytes);
}
