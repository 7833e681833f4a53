import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { MockpactError } from "../errors.js";
import { readBody, toMockRequest, writeResponse } from "./http-adapter.js";
import { loadMock, type LoadedMock } from "./load.js";
import { resolveMockOptions, type MockOptions } from "./options.js";
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
  let mock = await loadMock(resolved);
  let url = "";
  const server: Server = createServer((req, res) => {
    void readBody(req, resolved.maxBodyBytes).then(async (reading) => {
      if (!reading.ok) {
        writeResponse(res, reading.response);
        req.resume();
        return;
      }
      writeResponse(res, await mock.core.handle(toMockRequest(req, reading.body)));
    });
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });
  const reload = async () => {
    mock = await loadMock(resolved);
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
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(new MockpactError("SERVER_LISTEN", `Failed to listen on ${host}:${port}: ${error.code ?? error.message}`, { hint: "Choose another --port, or stop what holds this one." }));
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      resolve(`http://${shownHost}:${address.port}`);
    });
  });
}
