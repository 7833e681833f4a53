import type { Contract } from "../contract/model.js";
import type { SecretNames } from "../redact.js";
import { SchemaRegistry } from "../schema/registry.js";
import type { Violation } from "../schema/violation.js";
import { checkRequest, type RequestCheckInput } from "./check-request.js";
import { createResponseChecker, type Exchange, type ExchangeCheck } from "./check-response.js";
import { buildRouter, type RouteTarget, type Router } from "./router.js";

/**
 * The contract engine: a set of contracts compiled once, shared by every command. It routes, checks
 * requests and checks responses; the mock builds answers on top of it, the proxy and `verify` judge
 * real traffic with it, compat and fixtures walk its operations. One router and one schema registry
 * per contract per process: validators compiled for one use serve all.
 */
export interface ContractEngine {
  contracts: Contract[];
  router: Router;
  registryOf(contract: Contract): SchemaRegistry;
  /** Request findings (route, credentials, parameters, body), as data. */
  checkRequest(input: RequestCheckInput): Promise<Violation[]>;
  /** Response findings (status documented, headers, media type, body) of a real exchange. */
  checkResponse(exchange: Exchange): ExchangeCheck;
  /** The names the contracts give their apiKey credentials (header, query or cookie), lower-cased: never shown. */
  secretNames: SecretNames;
}

export interface EngineOptions {
  /** Told about routes the router cannot serve as written (shadowed, unroutable). */
  onRouteWarning?: (message: string, target: RouteTarget) => void;
}

export function compileContracts(contracts: Contract[], options: EngineOptions = {}): ContractEngine {
  const router = buildRouter(contracts, options.onRouteWarning ?? (() => {}));
  const registries = new Map(contracts.map((c) => [c, new SchemaRegistry(c)] as const));
  const registryOf = (contract: Contract) => registries.get(contract)!;
  const ofTarget = (target: RouteTarget) => registryOf(target.contract);
  const checker = createResponseChecker(router, ofTarget);
  return {
    contracts,
    router,
    registryOf,
    checkRequest: (input) => checkRequest(ofTarget, input),
    checkResponse: (exchange) => checker.check(exchange),
    secretNames: secretNamesOf(contracts),
  };
}

export function secretNamesOf(contracts: Contract[]): SecretNames {
  const names = new Set<string>();
  for (const contract of contracts) {
    for (const scheme of Object.values(contract.securitySchemes))
      if (scheme.type === "apiKey") names.add(scheme.name.toLowerCase());
  }
  return names;
}
