import express, { type Request, type Response } from "express";
import { Journal, MAX_JOURNAL_PAGE } from "../journal.js";
import { problem } from "../../http/problem.js";
import { compilePattern, type CompiledPattern } from "../verification/pattern.js";
import { readJournalQuery } from "../verification/journal-query.js";
import {
  matchingRecords,
  searchContext,
  SHARED_JOURNAL,
  type KeptRecord,
  type SearchContext,
} from "../verification/search.js";
import type { AdminSource } from "./app.js";
import { sendProblem } from "./mocks-routes.js";

/**
 * The journal and the verification API (WireMock's `/__admin/requests/*`): the journal list with
 * filters, `POST /requests/count` and `/requests/find` with a request pattern in the matcher language
 * of `when`, and `GET /requests/unmatched`: the requests no route of the contracts matched (404 and
 * 405 answers, each with the routes near it; with `--pact`, also those a pact stub answered outside
 * the contracts), and those no override answered though one came close (each with its near miss).
 */
export function verificationRoutes(source: AdminSource): express.Router {
  const router = express.Router();
  const { live } = source;
  /** The context, or undefined (and a 400 sent) when the journal is not this process's ring. */
  const context = (res: Response): SearchContext | undefined => {
    if (live.journal instanceof Journal) return searchContext(source.mock(), live.journal);
    sendProblem(res, problem("admin-bad-request", SHARED_JOURNAL));
    return undefined;
  };
  const page = (ctx: SearchContext, accept: (r: KeptRecord) => boolean, limit = MAX_JOURNAL_PAGE, before = Infinity) =>
    ctx.journal.entries(limit, ctx.secretNames, before, accept);
  router.get("/requests", async (req, res) => {
    const paging = Object.keys(req.query).every((k) => k === "limit" || k === "before");
    if (paging && !(live.journal instanceof Journal)) {
      const limit = Number(req.query.limit ?? live.journal.size);
      const before = Number(req.query.before ?? Infinity);
      const requests = await live.journal.entries(
        Number.isInteger(limit) && limit >= 0 ? limit : live.journal.size,
        source.mock().core.engine.secretNames,
        before > 0 ? before : Infinity,
      );
      return void res.json({
        total: await live.journal.total,
        size: live.journal.size,
        stateRevision: await live.revision.current(),
        requests,
      });
    }
    const ctx = context(res);
    if (!ctx) return;
    const query = readJournalQuery(req.query as Record<string, unknown>, ctx);
    if (typeof query === "string") return sendProblem(res, problem("admin-bad-request", query));
    // stateRevision: the console's journal poll also says whether the state changed (state/revision.ts).
    res.json({
      total: ctx.journal.total,
      size: ctx.journal.size,
      stateRevision: await live.revision.current(),
      requests: page(ctx, query.accept, query.limit ?? ctx.journal.size, query.before),
    });
  });
  router.get("/requests/unmatched", (_req, res) => {
    const ctx = context(res);
    if (ctx) res.json({ requests: page(ctx, (r) => (!r.target || r.nearMiss !== undefined) && !r.outgoing) });
  });
  router.post("/requests/count", (req, res) => {
    const ctx = context(res);
    const pattern = ctx && patternOf(req, res, ctx);
    if (!ctx || !pattern) return;
    const kept = ctx.journal.kept();
    res.json({
      count: matchingRecords(kept, pattern.conditions, ctx.router).length,
      kept: kept.length,
      total: ctx.journal.total,
    });
  });
  router.post("/requests/find", (req, res) => {
    const ctx = context(res);
    const pattern = ctx && patternOf(req, res, ctx);
    if (!ctx || !pattern) return;
    const found = new Set(matchingRecords(ctx.journal.kept(), pattern.conditions, ctx.router));
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
