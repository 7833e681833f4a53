import type { Contract } from "../../contract/model.js";
import { MockpactError } from "../../errors.js";
import { chooseResponse } from "../../http/choose.js";
import { parseDelay } from "../../options/delay.js";
import type { FaultKind } from "../faults.js";
import { compileBodySource, compileHeaders } from "./compile-respond.js";
import { parseJsonPath } from "./jsonpath.js";
import { findRoute, resolveOperation, type OperationRef } from "./operation.js";
import { outsideTarget, type OutsideRoute } from "./outside.js";
import type { RawEntry } from "./parse.js";
import type { Conditions, Override, ScenarioStep } from "./types.js";
import { checkEntryShape } from "./validate.js";

/** The fields of an entry once its shape is checked against the schema. */
export interface EntryFields {
  /** An operationId or `METHOD /path` of a contract; or give `method` and `path`. */
  operation?: string;
  method?: string;
  path?: string;
  contract?: string;
  name?: string;
  when?: { path?: Record<string, unknown>; query?: Record<string, unknown>; headers?: Record<string, unknown>; body?: Record<string, unknown> };
  respond?: { status?: number; headers?: Record<string, unknown>; body?: unknown; example?: string; fake?: boolean; template?: boolean; delay?: string | number; fault?: FaultKind };
  scenario?: { name: string; "when-state"?: string; "next-state"?: string };
}

/** An entry of a mocks file, checked and resolved: any problem is a MOCKS_* error naming file and line. */
export function compileEntry(entry: RawEntry, contracts: Contract[]): Override {
  checkEntryShape(entry);
  const fields = entry.value as EntryFields;
  const place = { file: entry.file, line: entry.lineOf() };
  const fail = (message: string, path: Array<string | number>, hint: string) =>
    new MockpactError("MOCKS_INVALID", `Failed to read mocks entry ${entry.index + 1} (${fields.operation ?? `${fields.method} ${fields.path}`}): ${message}`, { hint, place: { file: entry.file, line: entry.lineOf(path) } });
  const { contract, operation, outside } = entryTarget(contracts, fields, entry);
  const respond = fields.respond ?? {};
  const status = respond.status ?? chooseResponse(operation)?.status ?? 200;
  const delay = respond.delay === undefined ? undefined : parseDelay(respond.delay);
  if (typeof delay === "string") throw fail(delay, ["respond", "delay"], "Write a delay such as 250ms, 1.5s or 100ms-400ms.");
  const override: Override = {
    id: `${entry.file}:${place.line}`,
    place,
    name: fields.name,
    contract,
    operation,
    when: compileConditions(fields.when ?? {}, fail),
    status,
    headers: {},
    body: compileBodySource(respond, operation, status, fail),
    delay,
    fault: respond.fault,
    scenario: scenarioOf(fields.scenario),
    ...(outside ? { outside } : {}),
  };
  Object.assign(override, compileHeaders(respond, fail));
  return override;
}

/**
 * What an entry answers: the operation it names, or by `method` and `path` the contract route they
 * name, else a route outside the contracts (answered as written, validated against nothing).
 */
function entryTarget(contracts: Contract[], fields: EntryFields, entry: RawEntry): OperationRef & { outside?: OutsideRoute } {
  if (fields.operation !== undefined) return resolveOperation(contracts, fields.operation, fields.contract, { file: entry.file, line: entry.lineOf(["operation"]) });
  const inContract = findRoute(contracts, `${fields.method} ${fields.path}`, fields.contract, { file: entry.file, line: entry.lineOf(["path"]) });
  if (inContract) return inContract;
  const { contract, operation, route } = outsideTarget(fields.method!, fields.path!, entry.file);
  return { contract, operation, outside: route };
}

type Fail = (message: string, path: Array<string | number>, hint: string) => MockpactError;

function compileConditions(when: NonNullable<EntryFields["when"]>, fail: Fail): Conditions {
  const text = (v: unknown) => String(v);
  return {
    path: Object.entries(when.path ?? {}).map(([k, v]) => [k, text(v)]),
    query: Object.entries(when.query ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map(text) : text(v)]),
    headers: Object.entries(when.headers ?? {}).map(([k, v]) => [k.toLowerCase(), text(v)]),
    body: Object.entries(when.body ?? {}).map(([jsonPath, expected]) => {
      const path = parseJsonPath(jsonPath);
      if (typeof path === "string") throw fail(path, ["when", "body", jsonPath], "Use a simple JSONPath such as $.status or $.items[0].productId.");
      return { path, text: jsonPath, expected };
    }),
  };
}

function scenarioOf(scenario: EntryFields["scenario"]): ScenarioStep | undefined {
  if (!scenario) return undefined;
  return { name: scenario.name, whenState: scenario["when-state"], nextState: scenario["next-state"] };
}
