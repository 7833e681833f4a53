import { statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpRequest, HttpResponse } from "../http/types.js";
import { createDelivery } from "../server/delivery.js";
import { createServerHost } from "../server/host.js";
import { loadTls, type TlsMaterial } from "../server/tls.js";
import {
  readBody,
  readingWithoutBody,
  toHttpRequest,
  writeResponse,
  type BodyReading,
} from "../server/node-adapter.js";
import { watchFiles } from "../server/watch.js";
import { lazyAdminApp } from "./admin/lazy-app.js";
import { verificationApi, type VerificationApi } from "./verification/library.js";
import { adminAccessOf, warnIfExposed } from "./exposure.js";
import type { LiveState } from "./live-state.js";
import { createOutgoing } from "./outgoing/dispatcher.js";
import { openLiveState } from "./state/open-live-state.js";
import { loadMock, missingFileError, type LoadedMock } from "./load.js";
import type { MocksEntry } from "./overrides/compile.js";
import { addOverride, removeOverrides, type OverrideView } from "./runtime-overrides.js";
import { resolveMockOptions, type MockOptions, type ResolvedMockOptions } from "./options.js";

/** Verification (`verify`, `requests`, `resetJournal`) reads the journal the server keeps. */
export interface MockServer extends VerificationApi {
  /** Starts listening; resolves with the URL once the socket is bound. Port 0 picks a free port. */
  listen(port?: number): Promise<string>;
  readonly url: string;
  close(): Promise<void>;
  /** Reloads every contract; on error the last good version keeps serving and the error is thrown. */
  reload(): Promise<void>;
  /** The pure core, usable without a socket. */
  handle(request: HttpRequest): Promise<HttpResponse>;
  readonly mock: LoadedMock;
  /**
   * Adds an override in front of all others, as `POST <admin>/mocks` does (in the spirit of MSW's
   * `server.use()`): checked against the contracts as a mocks file's entry is; returns it with its id.
   */
  use(entry: MocksEntry): OverrideView;
  /** Removes every override `use()` and the admin API added; the mocks files' stay. */
  resetOverrides(): void;
  /** With `--https`, `--cert`/`--key`: the certificate served (PEM) and its SHA-256 fingerprint. */
  readonly tls: TlsMaterial | undefined;
}

/** The standalone mock: the pure core on node:http, no express on the hot path. */
export async function createMockServer(options: MockOptions = {}): Promise<MockServer> {
  const resolved = resolveMockOptions(options);
  // journal, state, scenarios: kept across reloads; in Redis with --store
  const live = await openLiveState(resolved, () => mock?.core.engine.secretNames);
  if (resolved.callbacks) live.outgoing = createOutgoing(resolved, live.journal);
  let mock: LoadedMock;
  mock = await closingOnError(live, () => loadMock(resolved, live));
  const delivery = createDelivery(); // delays and faults on the socket
  // Written in the same turn where nothing had to be awaited: no promise per request on the hot path.
  const answer = (req: IncomingMessage, res: ServerResponse, reading: BodyReading): void => {
    if (!reading.ok) {
      writeResponse(res, reading.response);
      req.resume();
      return;
    }
    const answered = mock.core.answerNow(toHttpRequest(req, reading.body));
    if (answered instanceof Promise) void answered.then((response) => delivery.deliver(res, response));
    else delivery.deliver(res, answered);
  };
  const tls = await loadTls(resolved.tls);
  const host = createServerHost({
    ...resolved,
    tls,
    admin: resolved.admin
      ? {
          prefix: resolved.adminPrefix,
          handle: lazyAdminApp(resolved.adminPrefix, {
            mock: () => mock,
            live,
            access: adminAccessOf(resolved),
            options: resolved,
          }),
        }
      : undefined,
    handle(req, res) {
      // Most requests have no body: answered without the promise and closure of a body read.
      const known = readingWithoutBody(req, resolved.maxBodyBytes);
      if (known) answer(req, res, known);
      else void readBody(req, resolved.maxBodyBytes).then((reading) => answer(req, res, reading));
    },
    release: delivery.release,
  });
  const reload = async () => {
    mock = await loadMock(resolved, live);
  };
  const stopWatching = resolved.watch ? watchFiles(watchOptions(resolved, () => mock, reload)) : () => {};
  return {
    ...verificationApi(() => mock, live.journal),
    tls,
    get url() {
      return host.url;
    },
    get mock() {
      return mock;
    },
    handle: (request) => mock.core.handle(request),
    use: (entry) => addOverride(mock, live, entry, resolved),
    resetOverrides: () => void removeOverrides(mock, live),
    reload,
    listen: (port) => {
      warnIfExposed(resolved);
      return host.listen(port);
    },
    close: async () => {
      stopWatching();
      live.outgoing?.release(); // a slow callback target never holds the close
      await host.close();
      await live.close();
    },
  };
}

/** The first load: should it fail, the live state's connection is closed, so that the process can exit. */
export async function closingOnError<T>(live: LiveState, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    await live.close();
    throw error;
  }
}

/** What `--watch` watches for mock and proxy alike: the loaded files, and the folders given for new ones. */
export function watchOptions(
  options: ResolvedMockOptions,
  current: () => LoadedMock,
  reload: () => Promise<void>,
): Parameters<typeof watchFiles>[0] {
  return {
    files: () => current().files,
    missing: (file) => missingFileError(file, current()),
    folders: [...options.contracts, ...options.mocks].filter(isFolder),
    reload,
    onReload: (file) => options.onEvent({ type: "reload", file }),
    onReloadFailed: (file, error) => options.onEvent({ type: "reload-failed", file, error }),
  };
}

function isFolder(input: string): boolean {
  try {
    return statSync(input).isDirectory();
  } catch {
    return false;
  }
}
