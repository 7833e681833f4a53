import express, { type Request, type Response } from "express";
import { MAX_JOURNAL_PAGE } from "../journal.js";
import { problem } from "../../http/problem.js";
import { compilePattern, type CompiledPattern } from "../verification/pattern.js";
import { readJournalQuery } from "../verification/journal-query.js";
import { matchingRecords, searchContext, type SearchContext } from "../verification/search.js";
import type { AdminSource } from "./app.js";
import { sendProblem } from "./send-problem.js";

/**
 * The journal and the verification API (WireMock's `/__admin/requests/*`): the journal list with
 * filters, `POST /requests/count` and `/requests/find` with a request pattern in the matcher language
 * of `when`, and `GET /requests/unmatched`: the requests no route of the contracts matched (404 and
 * 405 answers; with `--pact`, also those a pact stub answered outside the contracts).
 */
export function verificationRoutes(source: AdminSource): express.Router {
  const router = express.Router();
  const { live } = source;
  const context = (): SearchContext => searchContext(source.mock(), live.journal);
  const page = (ctx: SearchContext, accept: Parameters<typeof live.journal.entries>[3], limit = MAX_JOURNAL_PAGE, before = Infinity) =>
    live.journal.entries(limit, ctx.secretNames, before, accept);
  router.get("/requests", (req, res) => {
    const ctx = context();
    const query = readJournalQuery(req.query as Record<string, unknown>, ctx);
    if (typeof query === "string") return sendProblem(res, problem("admin-bad-request", query));
    res.json({ total: live.journal.total, size: live.journal.size, requests: page(ctx, query.accept, query.limit ?? live.journal.size, query.before) });
  });
  router.get("/requests/unmatched", (_req, res) => {
    const ctx = context();
    res.json({ requests: page(ctx, (r) => !r.target && !r.outgoing) });
  });
  router.post("/requests/count", (req, res) => {
    const ctx = context();
    const pattern = patternOf(req, res, ctx);
    if (!pattern) return;
    const kept = live.journal.kept();
    res.json({ count: matchingRecords(kept, pattern.conditions, ctx.router).length, kept: kept.length, total: live.journal.total });
  });
  router.post("/requests/find", (req, res) => {
    const ctx = context();
    const pattern = patternOf(req, res, ctx);
    if (!pattern) return;
    const found = new Set(matchingRecords(live.journal.kept(), pattern.conditions, ctx.router));
    res.json({ requests: page(ctx, (r) => found.has(r)) });
  });
  return router;
}

function patternOf(req: Request, res: Response, ctx: SearchContext): CompiledPattern | undefined {
  try {
    return compilePattern(req.body ?? {}, ctx.operationIds);
  } catch (error) {
    sendProblem(res, problem("admin-bad-request", (error as Error).message));
    return undefined;
  }
}
