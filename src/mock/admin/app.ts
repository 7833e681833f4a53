import { problem } from "../../http/problem.js";
import express, { type NextFunction, type Request, type Response } from "express";
import type { LoadedMock } from "../load.js";
import type { LiveState } from "../live-state.js";
import { consoleRouter } from "../../console/serve.js";
import { adminGuard, type AdminAccess } from "./guard.js";
import { verificationRoutes } from "./verification-routes.js";
import { mocksRoutes, sendProblem } from "./mocks-routes.js";
import type { MockEvent } from "../options.js";
import { isMockpactError } from "../../errors.js";
import { STORE_RETRY_AFTER } from "../respond.js";
import { contractsView, stateView } from "./views.js";
import { webhookRoutes } from "./webhooks.js";

/** The admin API's view of the server: the current load (it changes on reload), the live state, who may use it. */
export interface AdminSource {
  mock(): LoadedMock;
  live: LiveState;
  access: AdminAccess;
  /** For overrides added over HTTP: the seed of their fakes, and where their contract warnings go. */
  options: { seed: number; onEvent: (event: MockEvent) => void };
}

/**
 * The admin API, an express 5 app mounted at `prefix`: the request journal, state and scenario
 * control, and what is loaded. Off the hot path: the node:http handler hands it only its own prefix.
 */
export function createAdminApp(prefix: string, source: AdminSource): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(prefix, adminGuard(source.access)); // Host, cross-site state changes, --admin-token; security headers
  app.use(prefix, adminRoutes(source));
  app.use(prefix, consoleRouter()); // the web console: the page at `<prefix>/`, reading the routes above
  app.use(prefix, (req: Request, res: Response) =>
    sendProblem(res, problem("admin-not-found", `${req.method} ${req.originalUrl} is not part of the admin API`)),
  );
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (isMockpactError(error) && error.code === "STORE_UNAVAILABLE")
      return sendProblem(res.set("retry-after", STORE_RETRY_AFTER), problem("store-unavailable", error.message));
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    sendProblem(res, { ...problem(status === 500 ? "admin-error" : "admin-bad-request", error.message), status });
  });
  return app;
}

function adminRoutes(source: AdminSource): express.Router {
  const router = express.Router();
  const { live } = source;
  router.use(express.json({ limit: "64kb" }));
  router.use(verificationRoutes(source)); // the journal list, count, find, unmatched
  router.delete("/requests", async (_req, res) => {
    await live.journal.clear();
    res.status(204).end();
  });
  router.post("/reset", async (_req, res) => {
    await live.store.reset();
    await live.scenarios.reset();
    res.status(204).end();
  });
  router.get("/state", async (_req, res) => void res.json(await stateView(source.mock(), live)));
  router.get("/scenarios", async (_req, res) => void res.json(await live.scenarios.list()));
  router.put("/scenarios/:name", async (req, res) => {
    const name = req.params.name!;
    const state = (req.body as { state?: unknown } | undefined)?.state;
    if (!(await live.scenarios.has(name)))
      return sendProblem(res, {
        ...problem("admin-not-found", `No mocks entry mentions scenario "${name}"`),
        title: "No such scenario",
      });
    if (typeof state !== "string" || state === "")
      return sendProblem(res, problem("admin-bad-request", 'Send a JSON body such as { "state": "paid" }'));
    await live.scenarios.set(name, state);
    res.json((await live.scenarios.list()).find((s) => s.name === name));
  });
  router.get("/contracts", (_req, res) => void res.json(contractsView(source.mock())));
  router.use(mocksRoutes(source, source.options));
  router.use(webhookRoutes(source));
  return router;
}
