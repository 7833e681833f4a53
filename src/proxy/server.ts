import type { HttpRequest } from "../http/types.js";
import { lazyAdminApp } from "../mock/admin/lazy-app.js";
import { Journal, type JournalStore } from "../mock/journal.js";
import type { LiveState } from "../mock/live-state.js";
import { openLiveState } from "../mock/state/open-live-state.js";
import { loadMock } from "../mock/load.js";
import { adminAccessOf, warnIfExposed } from "../mock/exposure.js";
import { closingOnError, watchOptions } from "../mock/server.js";
import { createServerHost } from "../server/host.js";
import { loadTls, type TlsMaterial } from "../server/tls.js";
import { watchFiles } from "../server/watch.js";
import type { LoadedProxy } from "./context.js";
import { createProxyEngine } from "./engine.js";
import { journalRecordOf } from "./journal-entry.js";
import { resolveProxyOptions, type ProxyOptions, type ResolvedProxyOptions } from "./options.js";

export interface ProxyServer {
  /** Starts listening; resolves with the URL. Port 0 picks a free port. */
  listen(port?: number): Promise<string>;
  readonly url: string;
  readonly loaded: LoadedProxy;
  readonly options: ResolvedProxyOptions;
  /** Proxied exchanges with their findings and who answered, as the admin API's journal holds them. */
  readonly journal: JournalStore;
  /** Reloads the contracts; on error the last good version keeps serving and the error is thrown. */
  reload(): Promise<void>;
  /** Resolves once every recording so far is written. */
  flush(): Promise<void>;
  close(): Promise<void>;
  /** With `--https`, `--cert`/`--key`: the certificate served (PEM) and its SHA-256 fingerprint. */
  readonly tls: TlsMaterial | undefined;
}

/** `mockpact proxy` as a library: the proxy engine on the server host, with the admin API and `--watch`. */
export async function createProxyServer(options: ProxyOptions): Promise<ProxyServer> {
  const resolved = resolveProxyOptions(options);
  // The mock's live state (store, scenarios; in Redis with --store) without its own journal: the
  // proxy journals every exchange itself, fallback answers included, and the admin API serves that journal.
  const live = await openLiveState(resolved, () => loaded?.engine?.secretNames);
  const { journal } = live;
  const mockLive: LiveState = { ...live, journal: new Journal(0) };
  let loaded: LoadedProxy;
  loaded = await closingOnError(live, () => loadProxy(resolved, mockLive));
  const engine = createProxyEngine(
    resolved,
    () => loaded,
    (exchange, request: HttpRequest, target) => {
      journal.record(journalRecordOf(exchange, request, target));
      resolved.onExchange(exchange);
    },
    (error) => resolved.onEvent({ type: "warning", message: `Failed to write a recording: ${error.message}` }),
  );
  const tls = await loadTls(resolved.tls);
  const host = createServerHost({
    ...resolved,
    tls,
    admin: resolved.admin
      ? {
          prefix: resolved.adminPrefix,
          handle: lazyAdminApp(resolved.adminPrefix, {
            mock: () => loaded.mock!,
            live,
            access: adminAccessOf(resolved),
            options: resolved,
          }),
        }
      : undefined,
    handle: engine.handle,
  });
  const reload = async () => {
    loaded = await loadProxy(resolved, mockLive);
  };
  const stopWatching = resolved.watch ? watchFiles(watchOptions(resolved, () => loaded.mock!, reload)) : () => {};
  return {
    tls,
    get url() {
      return host.url;
    },
    get loaded() {
      return loaded;
    },
    options: resolved,
    journal,
    reload,
    flush: engine.flush,
    listen: (port) => {
      warnIfExposed(resolved);
      return host.listen(port);
    },
    close: async () => {
      stopWatching();
      await host.close();
      engine.release();
      await engine.flush();
      await live.close();
    },
  };
}

/** The mock as `mockpact mock` loads it (mocks files, state), request validation off: it answers the fallbacks. */
async function loadProxy(options: ResolvedProxyOptions, live: LiveState): Promise<LoadedProxy> {
  // The proxy reports every exchange itself (onExchange), the mock's fallback answers included.
  const mock = await loadMock({ ...options, requestValidation: false, onAnswer: undefined }, live);
  return { engine: mock.core.engine, mock };
}
