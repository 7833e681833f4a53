import type { Operation, ResponseSpec } from "../contract/model.js";

/** The documented response that answers a status, and the status code it is sent with. */
export interface ChosenResponse {
  status: number;
  spec: ResponseSpec;
}

/**
 * Which documented response answers `code`: the exact status, else its range (`4XX`), else
 * `default`. Without a code: the lowest documented 2xx, else `2XX`, else `default` (as 200), else the
 * lowest documented status of any class.
 */
export function chooseResponse(operation: Operation, code?: number): ChosenResponse | undefined {
  const specs = operation.responses;
  if (code !== undefined) {
    if (code < 100 || code > 599) return undefined; // `default` answers any status HTTP has, not `Prefer: code=999`
    const spec =
      specs.find((s) => s.status === String(code)) ??
      specs.find((s) => s.status === `${String(code)[0]}XX`) ??
      specs.find((s) => s.status === "DEFAULT");
    return spec ? { status: code, spec } : undefined;
  }
  // The default choice is asked on every request without `Prefer: code`: the filter and sort below
  // were a tenth of a static answer's time and most of its garbage, so it is kept per operation
  // (and per responses array, should an operation's responses ever be replaced).
  const known = defaultChoices.get(operation);
  if (known && known.specs === specs) return known.chosen;
  const chosen = defaultChoice(specs);
  defaultChoices.set(operation, { specs, chosen });
  return chosen;
}

const defaultChoices = new WeakMap<Operation, { specs: ResponseSpec[]; chosen: ChosenResponse | undefined }>();

function defaultChoice(specs: ResponseSpec[]): ChosenResponse | undefined {
  const numeric = specs.filter((s) => /^\d{3}$/.test(s.status)).sort((a, b) => Number(a.status) - Number(b.status));
  const success = numeric.find((s) => s.status.startsWith("2"));
  if (success) return { status: Number(success.status), spec: success };
  const range = specs.find((s) => s.status === "2XX");
  if (range) return { status: 200, spec: range };
  const fallback = specs.find((s) => s.status === "DEFAULT");
  if (fallback) return { status: 200, spec: fallback };
  const lowest = numeric[0];
  return lowest ? { status: Number(lowest.status), spec: lowest } : undefined;
}

/**
 * The status of an invalid request: the documented client-error status wins, so that a client built
 * against the contract gets a status the real API sends. 422 where the operation documents 422, else
 * 400 where it documents 400, else `natural` (400 for parameters or an unreadable body, 422 for a body
 * that breaks its schema).
 */
export function clientErrorStatus(operation: Operation, natural: 400 | 422): 400 | 422 {
  if (operation.responses.some((s) => s.status === "422")) return 422;
  if (operation.responses.some((s) => s.status === "400")) return 400;
  return natural;
}

/** The operation's own response for an error status the mock produces (400, 401, 422), if documented exactly. */
export function documentedErrorResponse(operation: Operation, status: number): ResponseSpec | undefined {
  return operation.responses.find((s) => s.status === String(status));
}
