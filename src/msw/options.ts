import { checkOption } from "../errors.js";
import type { MockCoreOptions } from "../mock/options-core.js";
import { resolveMockOptions, type ResolvedMockOptions } from "../mock/options.js";
import { count, oneOf, type Validator } from "../options/validators.js";

/** What happens to a request on a served origin that no operation of the contracts matches. */
export const UNKNOWN_ROUTES = ["fall-through", "answer"] as const;

/**
 * The options of `handlersFor`: the mock's own (the same names and defaults as `mockpact mock`'s
 * flags: seed, dynamic, stateful, mocks, cors, latency...) and where the handlers answer.
 */
export interface MswOptions extends Omit<MockCoreOptions, "contracts" | "pacts"> {
  /**
   * Where the API is: an absolute URL (`https://api.example.com/v1`), or in a page a path on its own
   * origin (`/api`). Requests under it are answered, with the rest of their path as the operation's.
   * Default: the contracts' own `servers` (Swagger 2.0: `host` and `basePath`).
   */
  baseUrl?: string | string[];
  /**
   * `fall-through` (default): a request no operation matches goes on to the next handler, then to
   * MSW's `onUnhandledRequest`. `answer`: the mock answers it, 404 or 405 as `mockpact mock` does.
   */
  unknownRoutes?: (typeof UNKNOWN_ROUTES)[number];
  /** How many requests `requests()` keeps (default 1000; 0 keeps none). */
  journalSize?: number;
}

export interface ResolvedMswOptions {
  mock: ResolvedMockOptions;
  baseUrls: string[];
  unknownRoutes: (typeof UNKNOWN_ROUTES)[number];
}

/** Options -> resolved, with the mock's defaults; contracts and mocks files come as the caller's first argument. */
export function resolveMswOptions(options: MswOptions, contracts: string[]): ResolvedMswOptions {
  const { baseUrl, unknownRoutes, journalSize, ...core } = options;
  const given = baseUrl === undefined ? [] : Array.isArray(baseUrl) ? baseUrl : [baseUrl];
  return {
    mock: resolveMockOptions({
      ...core,
      contracts,
      admin: false,
      journalSize: checkOption("journal-size", journalSize ?? 1000, count),
    }),
    baseUrls: given.map((url) => checkOption("base-url", url, baseUrlValidator)),
    unknownRoutes: checkOption("unknown-routes", unknownRoutes ?? "fall-through", oneOf(UNKNOWN_ROUTES)),
  };
}

/** An absolute http(s) URL, or a path starting with `/` (resolved against the page's address). */
const baseUrlValidator: Validator<string> = {
  expected: "an http(s) URL such as https://api.example.com/v1, or a path such as /api",
  read: (value) => {
    if (typeof value !== "string") return undefined;
    if (value.startsWith("/")) return value;
    try {
      return /^https?:$/.test(new URL(value).protocol) ? value : undefined;
    } catch {
      return undefined;
    }
  },
};
