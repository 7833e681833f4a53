import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { Socket } from "node:net";
import { listen } from "./listen.js";

export interface HostOptions {
  host: string;
  port: number;
  /** A connection whose request headers take longer is closed (slow clients cannot hold sockets). */
  headersTimeoutMs: number;
  /** A connection whose whole request takes longer is closed. */
  requestTimeoutMs: number;
  /** Certificate and key: served over HTTPS (admin API and console too). */
  tls?: { cert: string; key: string };
  /** The admin API: requests under `prefix` go to `handle` instead of the app. */
  admin?: { prefix: string; handle(req: IncomingMessage, res: ServerResponse): void };
  /** Every other request. Errors it throws or rejects with are the app's to turn into answers. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** At close, before connections are closed: answers the app holds back (delays, faults) are let go. */
  release?(): void;
}

export interface ServerHost {
  readonly server: Server;
  readonly url: string;
  /** Starts listening; resolves with the URL once bound (port 0 picks a free one). */
  listen(port?: number): Promise<string>;
  /** Stops accepting, lets answers in flight finish for a moment, then closes every connection. */
  close(): Promise<void>;
}

/** How long answers in flight may take to finish once close() is called. */
const CLOSE_GRACE_MS = 1_000;

/** The one node:http host of `mockpact mock` and `mockpact proxy`: timeouts, client errors, admin dispatch, close. */
export function createServerHost(options: HostOptions): ServerHost {
  const timeouts = {
    headersTimeout: options.headersTimeoutMs,
    requestTimeout: options.requestTimeoutMs,
    connectionsCheckingInterval: Math.min(1_000, options.headersTimeoutMs),
  };
  const admin = options.admin;
  const dispatch = (req: IncomingMessage, res: ServerResponse) => {
    if (admin && isUnder(req.url ?? "/", admin.prefix)) admin.handle(req, res);
    else options.handle(req, res);
  };
  const tls = options.tls;
  const server: Server = tls
    ? createHttpsServer({ ...timeouts, cert: tls.cert, key: tls.key }, dispatch)
    : createServer(timeouts, dispatch);
  server.on("clientError", answerClientError);
  let url = "";
  return {
    server,
    get url() {
      return url;
    },
    listen: (port = options.port) => listen(server, port, options.host, tls ? "https" : "http").then((u) => (url = u)),
    close: () => closeServer(server, options.release),
  };
}

function isUnder(url: string, prefix: string): boolean {
  return url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`);
}

/** A request node:http cannot parse gets a status that says why, then the connection is closed. */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    error.code === "HPE_HEADER_OVERFLOW"
      ? "431 Request Header Fields Too Large"
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? "408 Request Timeout"
        : "400 Bad Request";
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

async function closeServer(server: Server, release: (() => void) | undefined): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  release?.();
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)));
  await Promise.race([closed, grace]);
  clearTimeout(timer);
  server.closeAllConnections();
  await closed;
}
