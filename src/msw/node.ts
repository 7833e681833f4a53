import { loadMock } from "../mock/load.js";
import { handlersFor as handlersForBundle } from "./browser.js";
import { createHandlers, type MockHandlers } from "./handlers.js";
import { resolveMswOptions, type MswOptions } from "./options.js";

export type { MockControls, MockHandlers } from "./handlers.js";
export type { MswOptions } from "./options.js";
export type { MocksEntry } from "./override.js";
export type { MockBundle } from "../mock/bundle/format.js";

/**
 * MSW request handlers answered by mockpact's own core, for Node tests (msw/node's setupServer):
 * from contract files or folders, read as `mockpact mock` reads them (the mocks folder beside them
 * included), or from a bundle. The same contract, options, seed and request give the same answer as
 * `mockpact mock`, byte for byte. The browser build (package.json's `browser` condition) takes
 * bundles only.
 */
export function handlersFor(contractsOrBundle: string | string[] | unknown, options: MswOptions = {}): MockHandlers {
  if (typeof contractsOrBundle !== "string" && !Array.isArray(contractsOrBundle))
    return handlersForBundle(contractsOrBundle, options);
  const resolved = resolveMswOptions(
    options,
    typeof contractsOrBundle === "string" ? [contractsOrBundle] : contractsOrBundle,
  );
  return createHandlers(resolved, (live, wrapHooks) => loadMock(resolved.mock, live, wrapHooks));
}
