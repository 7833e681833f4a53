import express, { type Response } from "express";
import { MockpactError } from "../../errors.js";
import { PROBLEM_JSON, problem, type Problem } from "../../http/problem.js";
import type { MockEvent } from "../options.js";
import { addOverride, overridesView, removeOverrides } from "../runtime-overrides.js";
import type { AdminSource } from "./app.js";

/**
 * `<admin>/mocks`: the overrides in the order they are tried, and the runtime ones a test adds and
 * removes over HTTP, as WireMock's stubs are. An entry is checked as a mocks file's entry is; what is
 * wrong with it is a 400 naming the field.
 */
export function mocksRoutes(
  source: AdminSource,
  options: { seed: number; onEvent: (event: MockEvent) => void },
): express.Router {
  const router = express.Router();
  router.get("/mocks", (_req, res) => void res.json(overridesView(source.mock(), source.live)));
  router.post("/mocks", (req, res) => {
    try {
      const view = addOverride(source.mock(), source.live, req.body, options);
      res
        .status(201)
        .location(`${req.baseUrl}/mocks/${encodeURIComponent(view.id)}`)
        .json(view);
    } catch (error) {
      if (!(error instanceof MockpactError)) throw error;
      sendProblem(res, {
        ...problem("admin-bad-request", error.message),
        code: error.code,
        hint: error.hint,
        ...(error.place.pointer ? { field: error.place.pointer } : {}),
      });
    }
  });
  router.delete("/mocks", (_req, res) => {
    removeOverrides(source.mock(), source.live);
    res.status(204).end();
  });
  router.delete("/mocks/:id", (req, res) => {
    const id = req.params.id!;
    if (removeOverrides(source.mock(), source.live, id)) return void res.status(204).end();
    const fromFile = source.mock().sources.overrides.all.some((o) => o.id === id);
    const why = fromFile
      ? `${id} comes from a mocks file: edit the file to remove it`
      : `No runtime override has the id "${id}"`;
    sendProblem(res, problem("admin-not-found", why));
  });
  return router;
}

/** A problem+json answer; members beyond RFC 9457's (`code`, `hint`, `field`) say more where there is more. */
export function sendProblem(res: Response, p: Problem & { code?: string; hint?: string; field?: string }): void {
  res.status(p.status).type(PROBLEM_JSON).send(JSON.stringify(p));
}
