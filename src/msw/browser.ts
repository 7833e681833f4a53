import { mockFromBundle } from "../mock/bundle/read.js";
import { createHandlers, type MockHandlers } from "./handlers.js";
import { resolveMswOptions, type MswOptions } from "./options.js";

export type { MockControls, MockHandlers } from "./handlers.js";
export type { MswOptions } from "./options.js";
export type { MocksEntry } from "./override.js";
export type { MockBundle } from "../mock/bundle/format.js";

/**
 * MSW request handlers answered by mockpact's own core, from a bundle that `mockpact bundle` wrote
 * (the object, or a promise of it: `fetch("/mockpact.json").then((r) => r.json())`). The same
 * contract, options, seed and request give the same answer as `mockpact mock`, byte for byte.
 */
export function handlersFor(bundle: unknown, options: MswOptions = {}): MockHandlers {
  const resolved = resolveMswOptions(options, []);
  return createHandlers(resolved, (live, wrapHooks) =>
    bundle instanceof Promise
      ? bundle.then((value: unknown) => mockFromBundle(value, resolved.mock, live, wrapHooks))
      : mockFromBundle(bundle, resolved.mock, live, wrapHooks),
  );
}
