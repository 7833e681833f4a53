import type { Contract, Operation } from "../contract/model.js";
import type { Router } from "../http/router.js";
import { sampleRequest, type SampleRequest } from "./sample-request.js";

/** One operation as the console lists it (part of the admin API's `GET /contracts`). */
export interface ConsoleOperationView {
  operationId: string;
  method: string;
  /** The path as served, base path included. */
  path: string;
  summary?: string;
  /** Documented statuses, and whether the contract has an example for each (else it is faked). */
  responses: Array<{ status: string; hasExample: boolean }>;
  /** A request built from the contract, for "try it". */
  sample: SampleRequest;
}

/** Samples fake values: built once per loaded contract, not on every poll of the console. */
const cache = new WeakMap<Contract, ConsoleOperationView[]>();

export function consoleOperations(contract: Contract, routes: ReturnType<Router["routes"]>): ConsoleOperationView[] {
  let views = cache.get(contract);
  if (!views) {
    const own = routes.filter((r) => r.target.contract === contract);
    views = own.map((r) => operationView(contract, r.target.operation, r.method, r.path));
    cache.set(contract, views);
  }
  return views;
}

function operationView(contract: Contract, operation: Operation, method: string, path: string): ConsoleOperationView {
  return {
    operationId: operation.operationId,
    method,
    path,
    summary: operation.summary,
    responses: operation.responses.map((r) => ({
      status: r.status,
      hasExample: Object.values(r.content).some((m) => m.hasExample),
    })),
    sample: sampleRequest(contract, operation, path),
  };
}
