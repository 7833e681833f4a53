import type { Contract } from "../contract/model.js";
import { serverUrlsOf } from "../contract/servers.js";

/**
 * Where the handlers answer: an origin (undefined: any) and, for a `baseUrl`, the path the API is
 * mounted at, cut from the request's path before the core routes it. A contract's own servers are
 * matched by origin only: the core sees the whole path and routes base paths as `mockpact mock` does.
 */
export interface ServedPlace {
  origin: string | undefined;
  mount: string;
}

/**
 * The places of `baseUrls`, else of the contracts' servers. A relative URL (`/api`, a contract's
 * `servers: [{ url: /v1 }]`, or no servers at all) is on the page's origin; where there is no page
 * (Node), on any origin, as MSW's own handlers take `*` for any origin.
 */
export function servedPlaces(contracts: Contract[], baseUrls: string[], pageUrl: string | undefined): ServedPlace[] {
  const places = new Map<string, ServedPlace>();
  const add = (place: ServedPlace) => places.set(`${place.origin ?? "*"} ${place.mount}`, place);
  if (baseUrls.length > 0) {
    for (const url of baseUrls) {
      const resolved = absolute(url, pageUrl);
      add({ origin: resolved?.origin, mount: trimSlash(resolved ? resolved.pathname : url.split(/[?#]/)[0]!) });
    }
  } else {
    for (const contract of contracts) {
      const urls = serverUrlsOf(contract.document);
      for (const url of urls.length > 0 ? urls : ["/"]) add({ origin: absolute(url, pageUrl)?.origin, mount: "" });
    }
  }
  // The longest mount first: `/api/v2` before `/api`.
  return [...places.values()].sort((a, b) => b.mount.length - a.mount.length);
}

/** The path and query the core gets for `url` (its mount cut off), or undefined when no place serves it. */
export function pathOnPlaces(url: URL, places: ServedPlace[]): string | undefined {
  for (const place of places) {
    if (place.origin !== undefined && place.origin !== url.origin) continue;
    const path = url.pathname;
    if (place.mount === "") return path + url.search;
    if (path === place.mount || path.startsWith(`${place.mount}/`)) return (path.slice(place.mount.length) || "/") + url.search;
  }
  return undefined;
}

function absolute(url: string, pageUrl: string | undefined): URL | undefined {
  try {
    return new URL(url, pageUrl);
  } catch {
    return undefined; // relative, and no page to resolve it against
  }
}

function trimSlash(path: string): string {
  return path.replace(/\/+$/, "");
}
