import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readBody, readingWithoutBody, toMockRequest, writeResponse, type BodyReading } from "./http-adapter.js";
import { listen } from "./listen.js";
import { loadMock, type LoadedMock } from "./load.js";
import { resolveMockOptions, type MockOptions } from "./options.js";
import { createRuntime } from "./runtime.js";
import { createServerExtras } from "./server-extras.js";
import { watchContracts } from "./watch.js";
import type { MockRequest, MockResponse } from "./types.js";

export interface MockServer {
  /** Starts listening; resolves with the URL once the socket is bound. Port 0 picks a free port. */
  listen(port?: number): Promise<string>;
  readonly url: string;
  close(): Promise<void>;
  /** Reloads every contract; on error the last good version keeps serving and the error is thrown. */
  reload(): Promise<void>;
  /** The pure core, usable without a socket. */
  handle(request: MockRequest): Promise<MockResponse>;
  readonly mock: LoadedMock;
}

/** The standalone mock: the pure core on node:http, no express on the hot path. */
export async function createMockServer(options: MockOptions = {}): Promise<MockServer> {
  const resolved = resolveMockOptions(options);
  const runtime = createRuntime(resolved); // journal, state, scenarios: kept across reloads
  let mock = await loadMock(resolved, runtime);
  const extras = createServerExtras(resolved, runtime, () => mock); // admin API; delays and faults on the socket
  let url = "";
  // Slow clients (headers or a body that never finish) are closed by node:http's own timeouts, checked each second.
  const timeouts = { headersTimeout: resolved.headersTimeoutMs, requestTimeout: resolved.requestTimeoutMs, connectionsCheckingInterval: Math.min(1_000, resolved.headersTimeoutMs) };
  const answer = async (req: IncomingMessage, res: ServerResponse, reading: BodyReading): Promise<void> => {
    if (!reading.ok) {
      writeResponse(res, reading.response);
      req.resume();
      return;
    }
    extras.deliver(res, await mock.core.handle(toMockRequest(req, reading.body)));
  };
  const server: Server = createServer(timeouts, (req, res) => {
    if (extras.admin(req, res)) return;
    // Most requests have no body: answered without the promise and closure of a body read.
    const known = readingWithoutBody(req, resolved.maxBodyBytes);
    void (known ? answer(req, res, known) : readBody(req, resolved.maxBodyBytes).then((reading) => answer(req, res, reading)));
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });
  const reload = async () => {
    mock = await loadMock(resolved, runtime);
  };
  const stopWatching = resolved.watch ? watchContracts(() => mock.files, resolved, reload) : () => {};
  return {
    get url() {
      return url;
    },
    get mock() {
      return mock;
    },
    handle: (request) => mock.core.handle(request),
    reload,
    listen: (port = resolved.port) => listen(server, port, resolved.host).then((u) => (url = u)),
    close: async () => {
      stopWatching();
      extras.release();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

