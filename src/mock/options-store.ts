import { checkOption, invalidOption } from "../errors.js";
import { redactUrl } from "../redact.js";
import type { Validator } from "../options/validators.js";

/** Where the live state is kept: this process's memory, or a Redis that replicas share. */
export type StoreChoice = { kind: "memory" } | { kind: "redis"; url: string; prefix: string };

/** `--store redis://host:port/db` (`rediss://` for TLS); a password in it is redacted wherever it is shown. */
const redisUrl: Validator<string> = {
  expected: "a Redis URL such as redis://127.0.0.1:6379/0",
  read: (value) => {
    if (typeof value !== "string") return undefined;
    try {
      const url = new URL(value);
      return (url.protocol === "redis:" || url.protocol === "rediss:") &&
        url.hostname !== "" &&
        /^(\/\d*)?$/.test(url.pathname)
        ? value
        : undefined;
    } catch {
      return undefined;
    }
  },
};

const keyPrefix: Validator<string> = {
  expected: "1 to 100 printable characters without spaces or braces",
  read: (value) => (typeof value === "string" && /^[\x21-\x7a|~]{1,100}$/.test(value) ? value : undefined),
};

/**
 * The store, and the prefix of its keys: `--store-prefix`, else one made from the contract set as
 * given on the command line (`mockpact:shop` for `contracts/shop.yaml`), so that replicas started
 * alike share one state and a mock of other contracts on the same Redis does not.
 */
export function resolveStore(
  store: string | undefined,
  prefix: string | undefined,
  contracts: string[],
  pacts: string[],
): StoreChoice {
  if (store === undefined || store === "") return { kind: "memory" };
  const url = redisUrl.read(store);
  if (url === undefined) throw invalidOption("store", redactUrl(store), redisUrl.expected); // the URL may carry a password
  return {
    kind: "redis",
    url,
    prefix:
      prefix === undefined ? defaultPrefix([...contracts, ...pacts]) : checkOption("store-prefix", prefix, keyPrefix),
  };
}

function defaultPrefix(inputs: string[]): string {
  // The last part of each path, by hand: this file is in the MSW handlers' browser build, without node:path.
  const names = inputs
    .map((input) =>
      (
        input
          .replace(/[\\/]+$/, "")
          .split(/[\\/]/)
          .pop() ?? ""
      ).replace(/\.(ya?ml|json)$/i, ""),
    )
    .sort();
  return `mockpact:${
    names
      .join("+")
      .replace(/[^\x21-\x7a|~]/g, "_")
      .slice(0, 80) || "mock"
  }`;
}
