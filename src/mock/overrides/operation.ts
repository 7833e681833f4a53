import type { Contract, Operation } from "../../contract/model.js";
import { MockpactError } from "../../errors.js";

export interface OperationRef {
  contract: Contract;
  operation: Operation;
}

const METHOD_AND_PATH = /^(get|put|post|delete|options|head|patch|trace)\s+(\/\S*)$/i;

/**
 * The operation an entry names: an operationId (`getOrder`), or a method and path template as the
 * contract writes it, with or without the base path (`GET /orders/{orderId}`, `GET /shop/orders/{orderId}`).
 * `contract` narrows the search to one contract file where several share an operationId.
 */
export function resolveOperation(
  contracts: Contract[],
  ref: string,
  contractName: string | undefined,
  place: { file: string; line: number; pointer?: string },
): OperationRef {
  const pool = poolOf(contracts, contractName, place);
  const found = findRoute(pool, ref, undefined, place);
  if (found) return found;
  throw unknown(`no loaded contract has an operation "${ref}"${suggestion(pool, ref)}`, place);
}

/** The one operation `ref` names, or undefined when none does; several are an error asking for `contract`. */
export function findRoute(
  contracts: Contract[],
  ref: string,
  contractName: string | undefined,
  place: { file: string; line: number; pointer?: string },
): OperationRef | undefined {
  const found = matching(poolOf(contracts, contractName, place), ref.trim());
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    const where = found.map((f) => `${f.contract.id}`).join(", ");
    throw new MockpactError(
      "MOCKS_OPERATION_UNKNOWN",
      `Failed to read mocks entry: operation "${ref}" is in several contracts (${where})`,
      {
        hint: "Add `contract: <file name>` to the entry.",
        place,
      },
    );
  }
  return undefined;
}

function poolOf(
  contracts: Contract[],
  contractName: string | undefined,
  place: { file: string; line: number; pointer?: string },
): Contract[] {
  if (contractName === undefined) return contracts;
  const pool = contracts.filter(
    (c) => c.id === contractName || c.file === contractName || c.id.replace(/\.[^.]+$/, "") === contractName,
  );
  if (pool.length === 0)
    throw unknown(
      `no loaded contract is named "${contractName}" (loaded: ${contracts.map((c) => c.id).join(", ")})`,
      place,
    );
  return pool;
}

function matching(contracts: Contract[], ref: string): OperationRef[] {
  const byPath = METHOD_AND_PATH.exec(ref);
  const found: OperationRef[] = [];
  for (const contract of contracts) {
    for (const operation of contract.operations) {
      const hit = byPath
        ? operation.method === byPath[1]!.toLowerCase() &&
          [operation.path, ...contract.basePaths.map((b) => b + operation.path)].includes(byPath[2]!)
        : operation.operationId === ref;
      if (hit) found.push({ contract, operation });
    }
  }
  return found;
}

function unknown(message: string, place: { file: string; line: number; pointer?: string }): MockpactError {
  return new MockpactError("MOCKS_OPERATION_UNKNOWN", `Failed to read mocks entry: ${message}`, {
    hint: "Use an operationId of the contract, or its method and path such as `GET /orders/{orderId}` (`mockpact mock` lists them at start).",
    place,
  });
}

/** `; did you mean "getOrder"?` for the closest operationId by edit distance, when it is close. */
function suggestion(contracts: Contract[], ref: string): string {
  let best: { id: string; distance: number } | undefined;
  for (const op of contracts.flatMap((c) => c.operations)) {
    const distance = editDistance(op.operationId.toLowerCase(), ref.toLowerCase());
    if (!best || distance < best.distance) best = { id: op.operationId, distance };
  }
  return best && best.distance <= Math.max(2, ref.length / 3) ? `; did you mean "${best.id}"?` : "";
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length]!;
}
