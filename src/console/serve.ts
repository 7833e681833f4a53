import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import express, { type Request, type Response } from "express";
import { consolePage } from "./page.js";

/**
 * The compiled browser code: beside this file once built (dist/console/browser), or in dist when
 * this file runs from src (tests, tsx). `npm run build` compiles src/console/browser there.
 */
const BROWSER_DIRS = [new URL("./browser/", import.meta.url), new URL("../../dist/console/browser/", import.meta.url)];

/** Only the console's own module names are served: no path from a request reaches the file system. */
const MODULE_NAME = /^[a-z][a-z-]*\.js$/;

/**
 * The web console as routes of the admin express app, mounted at the admin prefix: the page at
 * `<prefix>/` and its ES modules at `<prefix>/console/*.js`. The page reads only the admin API.
 */
export function consoleRouter(): express.Router {
  const router = express.Router({ strict: true });
  const modules = new Map<string, string>();
  router.get("/", (req, res) => sendPage(req, res));
  router.get("/console/:module", async (req, res) => {
    const name = String(req.params.module);
    const source = MODULE_NAME.test(name) ? await readModule(name, modules) : undefined;
    if (source === undefined) return void res.status(404).type("text/plain").send(`The console has no module ${name}`);
    res.status(200).type("text/javascript").set("cache-control", "no-cache").send(source);
  });
  return router;
}

/** `<prefix>` without the slash would resolve the page's relative URLs one level too high. */
function sendPage(req: Request, res: Response): void {
  const q = req.originalUrl.indexOf("?");
  const pathname = q < 0 ? req.originalUrl : req.originalUrl.slice(0, q);
  if (!pathname.endsWith("/")) return res.redirect(302, `${pathname}/${q < 0 ? "" : req.originalUrl.slice(q)}`);
  if (!browserDir()) {
    res.status(503).type("text/plain").send("The mockpact console is not built: run `npm run build`.");
    return;
  }
  res.status(200).type("html").set("cache-control", "no-cache").send(consolePage());
}

function browserDir(): URL | undefined {
  return BROWSER_DIRS.find((dir) => existsSync(fileURLToPath(new URL("app.js", dir))));
}

async function readModule(name: string, cache: Map<string, string>): Promise<string | undefined> {
  const dir = browserDir();
  if (!dir) return undefined;
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  try {
    const source = await readFile(new URL(name, dir), "utf8");
    cache.set(name, source);
    return source;
  } catch {
    return undefined;
  }
}
