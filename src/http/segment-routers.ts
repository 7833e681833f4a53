import FindMyWay from "find-my-way";

type Fmw = FindMyWay.Instance<FindMyWay.HTTPVersion.V1>;
export type RouterFound = ReturnType<Fmw["find"]>;

interface Waiting {
  pattern: string;
  store: object;
  /** Told when find-my-way refuses the pattern, at the first lookup under its prefix. */
  refused(error: Error): void;
}

/** find-my-way's syntax that can make it refuse a pattern: an optional parameter, a regex, a wildcard. */
const REFUSABLE_SYNTAX = /[?()*]/;
/** Anything in a segment that find-my-way reads otherwise than as text: a parameter, an escape, a query. */
const NOT_TEXT = /[:%?#]/;

function newRouter(): Fmw {
  return FindMyWay({ ignoreTrailingSlash: true, caseSensitive: true, maxParamLength: 2048 });
}

/**
 * find-my-way routers, one per literal prefix of one or two path segments (`/zen`, `/v1/customers`,
 * `/repos` for `/repos/:p0/:p1`), each built at the first lookup under its prefix: one router of GitHub's
 * 900 paths took ~13% of a start to the first answer, which needs one prefix's routes. The rest (a
 * parameter first, or syntax find-my-way may refuse anywhere in the pattern) go into one router built
 * at load, so that what find-my-way refuses is known at load. find-my-way tries a static branch before a parametric one
 * and falls back to the parametric one when the static one fails: a lookup under the two-segment
 * prefix, then the one-segment prefix, then in the router built at load, does the same.
 */
export class SegmentRouters {
  readonly #atLoad = newRouter();
  readonly #waiting = new Map<string, Waiting[]>();
  readonly #built = new Map<string, Fmw>();
  /** Each pattern as find-my-way keeps it (no trailing slash), to refuse a second one at load as it would. */
  readonly #trimmed = new Set<string>();
  /** First segments with routers under two-segment prefixes: only requests under them read a second segment. */
  readonly #deeper = new Set<string>();

  /** Adds a GET route (the caller keeps methods in `store`); throws what find-my-way throws, where it is known at load. */
  add(pattern: string, store: object, refused: (error: Error) => void): void {
    const prefix = literalPrefix(pattern);
    if (prefix === undefined) {
      this.#atLoad.on("GET", pattern, () => undefined, store);
      return;
    }
    const trimmed = pattern.length > 1 && pattern.endsWith("/") ? pattern.slice(0, -1) : pattern;
    if (this.#trimmed.has(trimmed))
      throw new Error(`Method 'GET' already declared for route '${trimmed}' with constraints '{}'`);
    this.#trimmed.add(trimmed);
    if (prefix.includes("/")) this.#deeper.add(prefix.slice(0, prefix.indexOf("/")));
    const built = this.#built.get(prefix);
    if (built) register(built, { pattern, store, refused });
    else if (this.#waiting.has(prefix)) this.#waiting.get(prefix)!.push({ pattern, store, refused });
    else this.#waiting.set(prefix, [{ pattern, store, refused }]);
  }

  /** The prefixes whose router is built: a lookup builds those under its own path alone. */
  builtPrefixes(): string[] {
    return [...this.#built.keys()];
  }

  find(pathname: string): RouterFound {
    if (!pathname.startsWith("/")) return this.#findAnywhere(pathname);
    const firstEnd = segmentEnd(pathname, 1);
    const first = readable(pathname.slice(1, firstEnd));
    if (first === undefined) return this.#atLoad.find("GET", pathname);
    if (this.#deeper.has(first) && pathname.charCodeAt(firstEnd) === 47) {
      const second = readable(pathname.slice(firstEnd + 1, segmentEnd(pathname, firstEnd + 1)));
      const found = second ? this.#routerOf(`${first}/${second}`)?.find("GET", pathname) : undefined;
      if (found) return found;
    }
    return this.#routerOf(first)?.find("GET", pathname) ?? this.#atLoad.find("GET", pathname);
  }

  #routerOf(prefix: string): Fmw | undefined {
    const built = this.#built.get(prefix);
    if (built) return built;
    const waiting = this.#waiting.get(prefix);
    if (!waiting) return undefined;
    const router = newRouter();
    for (const route of waiting) register(router, route);
    this.#waiting.delete(prefix);
    this.#built.set(prefix, router);
    return router;
  }

  /** A path that is not under `/` (an absolute URL, which find-my-way reads the path of): every router, in turn. */
  #findAnywhere(path: string): RouterFound {
    for (const prefix of [...this.#waiting.keys()]) this.#routerOf(prefix);
    const deepestFirst = [...this.#built.keys()].sort((a, b) => b.split("/").length - a.split("/").length);
    for (const prefix of deepestFirst) {
      const found = this.#built.get(prefix)!.find("GET", path);
      if (found) return found;
    }
    return this.#atLoad.find("GET", path);
  }
}

function register(router: Fmw, { pattern, store, refused }: Waiting): void {
  try {
    router.on("GET", pattern, () => undefined, store);
  } catch (error) {
    refused(error as Error);
  }
}

/**
 * The prefix a pattern's router is kept under: its first two segments when both are plain text and
 * more follows or the second is the last (`v1/customers`), else its first (`repos` of `/repos/:p0`);
 * undefined when the first segment is not plain text or the pattern holds syntax find-my-way may refuse.
 */
function literalPrefix(pattern: string): string | undefined {
  if (!pattern.startsWith("/") || REFUSABLE_SYNTAX.test(pattern)) return undefined;
  const [first, second] = segmentsOf(pattern);
  if (NOT_TEXT.test(first)) return undefined;
  return second !== undefined && second !== "" && !NOT_TEXT.test(second) ? `${first}/${second}` : first;
}

/** The first two segments of a path that starts with `/`, each up to `/`, `?` or `#`; the second is undefined when the path ends first. */
function segmentsOf(path: string): [string, string | undefined] {
  const firstEnd = segmentEnd(path, 1);
  const first = path.slice(1, firstEnd);
  if (firstEnd >= path.length || path.charCodeAt(firstEnd) !== 47) return [first, undefined];
  return [first, path.slice(firstEnd + 1, segmentEnd(path, firstEnd + 1))];
}

function segmentEnd(path: string, from: number): number {
  let end = from;
  while (end < path.length) {
    const code = path.charCodeAt(end);
    if (code === 47 || code === 63 || code === 35) break; // `/`, `?`, `#`
    end++;
  }
  return end;
}

/**
 * A request's segment as find-my-way compares it with static text: percent escapes read as decodeURI
 * reads them; undefined for an escape that does not decode (find-my-way finds nothing for that path).
 */
function readable(segment: string): string | undefined {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURI(segment);
  } catch {
    return undefined;
  }
}
