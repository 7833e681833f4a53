import express, { type NextFunction, type Request, type Response } from "express";
import type { LoadedMock } from "../load.js";
import type { MockRuntime } from "../runtime.js";
import { consoleRouter } from "../../console/serve.js";
import { contractsView, mocksView, stateView } from "./views.js";

/** The admin API's view of the server: the current load (it changes on reload) and the runtime. */
export interface AdminSource {
  mock(): LoadedMock;
  runtime: MockRuntime;
}

/**
 * The admin API, an express 5 app mounted at `prefix`: the request journal, state and scenario
 * control, and what is loaded. Off the hot path: the node:http handler hands it only its own prefix.
 */
export function createAdminApp(prefix: string, source: AdminSource): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(prefix, adminRoutes(source));
  app.use(prefix, consoleRouter()); // the web console: the page at `<prefix>/`, reading the routes above
  app.use(prefix, (req: Request, res: Response) => problem(res, 404, "No such admin route", `${req.method} ${req.originalUrl} is not part of the admin API`));
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    problem(res, status, status === 500 ? "The admin API failed" : "Bad admin request", error.message);
  });
  return app;
}

function adminRoutes(source: AdminSource): express.Router {
  const router = express.Router();
  const { runtime } = source;
  router.use(express.json({ limit: "64kb" }));
  router.get("/requests", (req, res) => {
    const limit = Number(req.query.limit ?? runtime.journal.size);
    const requests = runtime.journal.entries(Number.isInteger(limit) && limit >= 0 ? limit : runtime.journal.size);
    res.json({ total: runtime.journal.total, size: runtime.journal.size, requests });
  });
  router.delete("/requests", (_req, res) => {
    runtime.journal.clear();
    res.status(204).end();
  });
  router.post("/reset", (_req, res) => {
    runtime.store.reset();
    runtime.scenarios.reset();
    res.status(204).end();
  });
  router.get("/state", (_req, res) => void res.json(stateView(source.mock(), runtime)));
  router.get("/scenarios", (_req, res) => void res.json(runtime.scenarios.list()));
  router.put("/scenarios/:name", (req, res) => {
    const name = req.params.name!;
    const state = (req.body as { state?: unknown } | undefined)?.state;
    if (!runtime.scenarios.has(name)) return problem(res, 404, "No such scenario", `No mocks entry mentions scenario "${name}"`);
    if (typeof state !== "string" || state === "") return problem(res, 400, "Bad admin request", 'Send a JSON body such as { "state": "paid" }');
    runtime.scenarios.set(name, state);
    res.json(runtime.scenarios.list().find((s) => s.name === name));
  });
  router.get("/contracts", (_req, res) => void res.json(contractsView(source.mock())));
  router.get("/mocks", (_req, res) => void res.json(mocksView(source.mock())));
  return router;
}

function problem(res: Response, status: number, title: string, detail: string): void {
  res.status(status).type("application/problem+json").send(JSON.stringify({ type: "urn:mockpact:problem:admin", title, status, detail }));
}
