import { http, type HttpHandler } from "msw";
import type { Operation } from "../contract/model.js";
import { MockpactError } from "../errors.js";
import { splitUrl } from "../http/url.js";
import type { AnswerHooks } from "../mock/hooks.js";
import type { JournalEntry } from "../mock/journal.js";
import { createLiveState, type LiveState } from "../mock/live-state.js";
import type { LoadedMock } from "../mock/make-mock.js";
import type { Override } from "../mock/overrides/index.js";
import { deliver, readRequest } from "./exchange.js";
import type { ResolvedMswOptions } from "./options.js";
import { RuntimeOverrides, type MocksEntry } from "./override.js";
import { placeOf, servedPlaces, type ServedPlace } from "./places.js";

/** What `handlersFor` returns: MSW request handlers (spread them into setupServer or setupWorker), and the mock's controls. */
export type MockHandlers = HttpHandler[] & MockControls;

export interface MockControls {
  /** Resolves once the contracts are loaded; rejects with the load error (a broken contract, a bad mocks entry). */
  ready: Promise<void>;
  /**
   * A handler that answers with these mocks entries first (after validation, as a mocks file's):
   * give it to `server.use()` or `worker.use()`, and `resetHandlers()` removes it.
   */
  override(...entries: MocksEntry[]): HttpHandler;
  /** Empties the stateful store (back to its fixtures), the scenarios' states and the journal. */
  reset(): void;
  /** The journal, newest first: the requests the handlers answered, as `GET /__mockpact/requests` shows them. */
  requests(limit?: number): JournalEntry[];
}

/** Makes the mock: at once from a bundle, later from files or a bundle still being fetched. */
export type MakeMock = (
  live: LiveState,
  wrapHooks: (hooks: AnswerHooks) => AnswerHooks,
) => LoadedMock | Promise<LoadedMock>;

/**
 * The MSW face of the core: one handler for every request on a served place (places.ts) that an
 * operation of the contracts matches, answered by `core.handle` exactly as `mockpact mock` answers it.
 */
export function createHandlers(options: ResolvedMswOptions, make: MakeMock): MockHandlers {
  const live = createLiveState(options.mock);
  const overrides = new RuntimeOverrides(options.mock, live);
  let loaded: { mock: LoadedMock; places: ServedPlace[] } | undefined;
  const settle = (mock: LoadedMock) => {
    loaded = { mock, places: servedPlaces(mock.contracts, options.baseUrls, pageUrl()) };
  };
  const made = make(live, overrides.wrap);
  const ready = made instanceof Promise ? made.then(settle) : Promise.resolve(settle(made));
  ready.catch(() => {}); // the caller hears of a failed load through `ready`; requests fall through meanwhile

  /**
   * The path the core routes, when `request` is on a served place and routed to an operation of a
   * contract served there (for an override's handler, to one of its own operations).
   */
  const routed = async (request: Request, only?: Set<Operation>): Promise<string | undefined> => {
    if (!loaded) await ready.catch(() => {});
    if (!loaded) return undefined;
    const place = placeOf(new URL(request.url), loaded.places);
    if (!place) return undefined;
    const found = loaded.mock.core.engine.router.find(request.method.toUpperCase(), splitUrl(place.path).pathname);
    if (found.kind === "found")
      return place.serves(found.target.contract) && (!only || only.has(found.target.operation))
        ? place.path
        : undefined;
    if (only) return undefined;
    return found.kind === "method-not-allowed" || options.unknownRoutes === "answer" ? place.path : undefined;
  };

  const answer = async (request: Request, own?: Override[]): Promise<Response> => {
    const { path } = placeOf(new URL(request.url), loaded!.places)!;
    const reading = await readRequest(request, path, options.mock.maxBodyBytes);
    if (!reading.ok) return deliver(reading.response);
    if (own) overrides.attach(reading.request, own);
    return deliver(await loaded!.mock.core.handle(reading.request));
  };

  const handler = http.all(
    async ({ request }) => (await routed(request)) !== undefined,
    ({ request }) => answer(request),
  );
  const controls: MockControls = {
    ready,
    override(...entries) {
      if (!loaded) throw notReady();
      const own = overrides.compile(loaded.mock, entries);
      const operations = overrides.operationsOf(own);
      return http.all(
        async ({ request }) => (await routed(request, operations)) !== undefined,
        ({ request }) => answer(request, own),
      );
    },
    reset() {
      void live.store.reset(); // in memory, done before the promise returns
      void live.scenarios.reset();
      live.journal.clear();
    },
    requests: (limit) => live.journal.entries(limit, loaded?.mock.core.engine.secretNames),
  };
  return Object.assign([handler], controls);
}

/** The page's address, where there is a page: relative servers and base URLs are on its origin. */
function pageUrl(): string | undefined {
  return (globalThis as { location?: { href?: string } }).location?.href;
}

function notReady(): MockpactError {
  return new MockpactError("MOCK_NOT_READY", "Failed to add an override: the handlers' contracts are still loading", {
    hint: "Await `handlers.ready` (in beforeAll) before calling `override()`.",
  });
}
