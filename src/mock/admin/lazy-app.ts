import type { IncomingMessage, ServerResponse } from "node:http";
import type { AdminSource } from "./app.js";

/**
 * The admin API's handler, with express and the console loaded on the first admin request, not at
 * start: they took a fifth of the time to the first answer, and most runs never call the admin API.
 * The request's body waits, unread, in its stream until the app reads it.
 */
export function lazyAdminApp(prefix: string, source: AdminSource): (req: IncomingMessage, res: ServerResponse) => void {
  let app: Promise<(req: IncomingMessage, res: ServerResponse) => void> | undefined;
  return (req, res) => {
    app ??= import("./app.js").then(({ createAdminApp }) => createAdminApp(prefix, source));
    app.then(
      (handle) => handle(req, res),
      (error: Error) => {
        if (res.headersSent) return;
        res
          .writeHead(500, { "content-type": "text/plain; charset=utf-8" })
          .end(`Failed to load the admin API: ${error.message}\n`);
      },
    );
  };
}
