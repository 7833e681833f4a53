import { existsSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The `mocks` folder beside each contract argument: `contracts` -> `mocks`, `api/shop.yaml` ->
 * `api/mocks`. Only folders that exist; none is not an error, as most projects have no overrides.
 */
export function defaultMocks(contracts: string[]): string[] {
  const found = new Set<string>();
  for (const given of contracts) {
    const folder = path.join(path.dirname(given.replace(/[\\/]+$/, "")), "mocks");
    if (existsSync(folder) && statSync(folder).isDirectory()) found.add(folder);
  }
  return [...found];
}
