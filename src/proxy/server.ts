import http, { createServer, type Server } from "node:http";
import https from "node:https";
import { createMockCore } from "../mock/core.js";
import { Journal } from "../mock/journal.js";
import { loadMock } from "../mock/load.js";
import { createRuntime, type MockRuntime } from "../mock/runtime.js";
import { createServerExtras } from "../mock/server-extras.js";
import { mockErrorResponse } from "../mock/respond.js";
import { writeResponse } from "../mock/http-adapter.js";
import { watchContracts } from "../mock/watch.js";
import { createResponseChecker } from "./check-response.js";
import { handleExchange } from "./handle-exchange.js";
import { listen } from "../mock/listen.js";
import { journalEntryOf } from "./journal-entry.js";
import { resolveProxyOptions, type ProxyOptions, type ResolvedProxyOptions } from "./options.js";
import { createRecorder } from "./recorder.js";
import type { LoadedProxy, ProxyRuntime } from "./runtime.js";

export interface ProxyServer {
  /** Starts listening; resolves with the URL. Port 0 picks a free port. */
  listen(port?: number): Promise<string>;
  readonly url: string;
  readonly loaded: LoadedProxy;
  readonly options: ResolvedProxyOptions;
  /** Proxied exchanges with their findings and who answered, as the admin API's journal holds them. */
  readonly journal: Journal;
  /** Reloads the contracts; on error the last good version keeps serving and the error is thrown. */
  reload(): Promise<void>;
  /** Resolves once every recording so far is written. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** `mockpact proxy` as a library: a node:http server between clients and the upstream. */
export async function createProxyServer(options: ProxyOptions): Promise<ProxyServer> {
  const resolved = resolveProxyOptions(options);
  // The mock's runtime (state, scenarios) without its own journal: the proxy journals every exchange
  // itself, fallback answers included, and the admin API (`/__mockpact/requests`) serves that journal.
  const mockRuntime = createRuntime({ ...resolved, journalSize: 0 });
  const journal = new Journal(resolved.journalSize);
  let loaded = await loadProxy(resolved, mockRuntime);
  const extras = createServerExtras(resolved, { ...mockRuntime, journal }, () => loaded.mock);
  const agent = resolved.upstream.protocol === "https:" ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const recorder = createRecorder(resolved, () => loaded.mock.contracts, (error) => resolved.onEvent({ type: "warning", message: `Failed to write a recording: ${error.message}` }));
  const runtime: ProxyRuntime = {
    options: resolved,
    current: () => loaded,
    upstream: { url: resolved.upstream, agent, timeoutMs: resolved.timeoutMs },
    recorder,
    report: (exchange, request, target) => {
      journal.record(() => journalEntryOf(exchange, request, target));
      resolved.onExchange(exchange);
    },
  };
  const server: Server = createServer((req, res) => {
    if (extras.admin(req, res)) return;
    handleExchange(runtime, req, res).catch((error: unknown) => writeResponse(res, mockErrorResponse(error instanceof Error ? error : new Error(String(error)))));
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });
  const reload = async () => {
    loaded = await loadProxy(resolved, mockRuntime);
  };
  const stopWatching = resolved.watch ? watchContracts(() => loaded.mock.files, resolved, reload) : () => {};
  let url = "";
  return {
    get url() {
      return url;
    },
    get loaded() {
      return loaded;
    },
    options: resolved,
    journal,
    reload,
    flush: () => recorder.flush(),
    listen: (port = resolved.port) => listen(server, port, resolved.host).then((u) => (url = u)),
    close: async () => {
      stopWatching();
      extras.release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
      await recorder.flush();
    },
  };
}

async function loadProxy(options: ResolvedProxyOptions, runtime: MockRuntime): Promise<LoadedProxy> {
  const mock = await loadMock({ ...options, requestValidation: false }, runtime);
  // Load warnings were given once by loadMock: the validating core's router must not repeat them.
  const validating = createMockCore(mock.contracts, { ...options, onEvent: () => {} });
  return { mock, validating, checker: createResponseChecker(mock.contracts) };
}
