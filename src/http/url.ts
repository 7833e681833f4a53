/** A request target split once: the path the router sees and the raw query its parameters are read from. */
export interface SplitUrl {
  pathname: string;
  /** The query without its `?`; `""` when there is none. */
  queryText: string;
}

export function splitUrl(url: string): SplitUrl {
  const q = url.indexOf("?");
  return q < 0 ? { pathname: url, queryText: "" } : { pathname: url.slice(0, q), queryText: url.slice(q + 1) };
}

/** The first value of a header node:http may give as a list (`Cookie`, repeated headers). */
export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
