import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";

/** Pairs a provider request in Pact JS's proxy with the one it sends on to mockpact's proxy. */
const PAIR_HEADER = "x-mockpact-pair";

/**
 * Pact JS's verifier runs its own proxy (express and http-proxy) between Pact's core and mockpact's
 * proxy. When mockpact cuts an answer mid-body (the provider broke off, or went silent past
 * --timeout), http-proxy leaves its own answer to Pact's core open, and the core waits for the
 * missing bytes until --timeout. The relay pairs each provider request on both sides, with a header
 * Pact JS's proxy passes on and mockpact's proxy takes off before the provider could see it, and
 * cuts Pact JS's answer when mockpact's was cut.
 */
export interface CutRelay {
  /** In Pact JS's proxy (its requestFilter): tags a provider request and keeps its response. */
  tag: RequestHandler;
  /** In mockpact's proxy: takes the tag off, and cuts the paired response if this one closes unfinished. */
  follow(req: IncomingMessage, res: ServerResponse): void;
}

export function createCutRelay(): CutRelay {
  const open = new Map<string, ServerResponse>();
  let count = 0;
  return {
    tag(req, res, next) {
      const id = String(++count);
      req.headers[PAIR_HEADER] = id;
      open.set(id, res);
      res.once("close", () => open.delete(id));
      next();
    },
    follow(req, res) {
      const id = req.headers[PAIR_HEADER];
      if (typeof id !== "string") return;
      delete req.headers[PAIR_HEADER];
      res.once("close", () => {
        if (!res.writableFinished) open.get(id)?.destroy();
      });
    },
  };
}
