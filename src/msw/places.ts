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
  /** The contracts answered here: a contract's servers serve it alone; a `baseUrl` serves them all (undefined). */
  contracts: Set<Contract> | undefined;
}

/**
 * The places of `baseUrls`, else of the contracts' servers. A relative URL (`/api`, a contract's
 * `servers: [{ url: /v1 }]`, or no servers at all) is on the page's origin; where there is no page
 * (Node), on any origin, as MSW's own handlers take `*` for any origin.
 */
export function servedPlaces(contracts: Contract[], baseUrls: string[], pageUrl: string | undefined): ServedPlace[] {
  const places = new Map<string, ServedPlace>();
  if (baseUrls.length > 0) {
    for (const url of baseUrls) {
      const resolved = absolute(url, pageUrl);
      const mount = trimSlash(resolved ? resolved.pathname : url.split(/[?#]/)[0]!);
      places.set(`${resolved?.origin ?? "*"} ${mount}`, { origin: resolved?.origin, mount, contracts: undefined });
    }
  } else {
    for (const contract of contracts) {
      const urls = serverUrlsOf(contract.document);
      for (const url of urls.length > 0 ? urls : ["/"]) {
        const origin = absolute(url, pageUrl)?.origin;
        const key = `${origin ?? "*"} `;
        const place = places.get(key) ?? { origin, mount: "", contracts: new Set<Contract>() };
        place.contracts!.add(contract);
        places.set(key, place);
      }
    }
  }
  // The longest mount first: `/api/v2` before `/api`.
  return [...places.values()].sort((a, b) => b.mount.length - a.mount.length);
}

/** Where `url` is served: the path and query the core gets (the mount cut off), and the contracts answered there. */
export interface PlaceMatch {
  path: string;
  serves(contract: Contract): boolean;
}

/** The first place (longest mount first) that serves `url`, or undefined when none does. */
export function placeOf(url: URL, places: ServedPlace[]): PlaceMatch | undefined {
  const origin = url.origin;
  const matching = places.filter((p) => p.origin === undefined || p.origin === origin);
  for (const place of matching) {
    const path = url.pathname;
    if (place.mount !== "" && path !== place.mount && !path.startsWith(`${place.mount}/`)) continue;
    const served = place.mount === "" ? matching.filter((p) => p.mount === "") : [place];
    return {
      path: (place.mount === "" ? path : path.slice(place.mount.length) || "/") + url.search,
      // A contract's servers on this origin, or on any: those contracts; a base URL: all of them.
      serves: (contract) => served.some((p) => p.contracts === undefined || p.contracts.has(contract)),
    };
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
