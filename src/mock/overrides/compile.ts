import { MockpactError } from "../../errors.js";
import type { FaultKind } from "../faults.js";
import { compileAnswer, sequenceOf, type Fail } from "./compile-answer.js";
import { compileWhen, type WhenFields } from "../matchers/conditions.js";
import { pointerOf } from "../matchers/keywords.js";
import { findRoute, resolveOperation, type OperationRef } from "./operation.js";
import { outsideTarget, type OutsideRoute } from "./outside.js";
import type { RawEntry } from "./parse.js";
import type { Contract } from "../../contract/model.js";
import type { Override, ScenarioStep, SequenceEnd } from "./types.js";
import { checkEntryShape, checkWhenShape } from "./validate.js";

/** The fields of an entry once its shape is checked against the schema. */
export interface EntryFields {
  /** An operationId or `METHOD /path` of a contract; or give `method` and `path`. */
  operation?: string;
  method?: string;
  path?: string;
  contract?: string;
  name?: string;
  when?: WhenFields;
  priority?: number;
  /** One answer, or a list answered in turn (a sequence). */
  respond?: RespondFields | RespondFields[];
  /** After the last answer of a sequence: keep sending it (default), or start again from the first. */
  then?: SequenceEnd;
  scenario?: { name: string; "when-state"?: string; "next-state"?: string };
}

/** One answer of an entry: its status, headers and body, and how it is delivered. */
export interface RespondFields {
  status?: number;
  headers?: Record<string, unknown>;
  body?: unknown;
  example?: string;
  fake?: boolean;
  template?: boolean;
  delay?: string | number;
  fault?: FaultKind;
}

/** One entry as a mocks file writes it (`operation`, `when`, `respond`, `scenario`), as an object. */
export type MocksEntry = EntryFields;

/** An entry of a mocks file, checked and resolved: any problem is a MOCKS_* error naming file and line. */
export function compileEntry(entry: RawEntry, contracts: Contract[]): Override {
  checkEntryShape(entry);
  const fields = entry.value as EntryFields;
  const place = { file: entry.file, line: entry.lineOf() };
  const fail = (message: string, path: Array<string | number>, hint: string) =>
    new MockpactError(
      "MOCKS_INVALID",
      `Failed to read mocks entry ${entry.index + 1} (${fields.operation ?? `${fields.method} ${fields.path}`}): ${message}`,
      { hint, place: { file: entry.file, line: entry.lineOf(path), pointer: pointerOf(path) } },
    );
  const { contract, operation, outside } = entryTarget(contracts, fields, entry);
  const when = compileWhen(fields.when ?? {}, ["when"], (message, at) =>
    matcherError(entry, fields.operation ?? `${fields.method} ${fields.path}`, message, at),
  );
  checkWhenShape(entry);
  const listed = Array.isArray(fields.respond);
  if (fields.then !== undefined && !listed)
    throw fail(
      "`then` applies to a sequence: give `respond` as a list of answers",
      ["then"],
      "Write respond: [ {status: 503}, {status: 200} ], or remove `then`.",
    );
  const answers = (
    listed ? (fields.respond as RespondFields[]) : [(fields.respond as RespondFields | undefined) ?? {}]
  ).map((respond, i) => {
    const at = listed ? ["respond", i] : ["respond"];
    // Errors name the answer's own place: /respond/2/status in a sequence.
    const failAt: Fail = (message, path, hint) =>
      fail(message, path[0] === "respond" ? [...at, ...path.slice(1)] : path, hint);
    return compileAnswer(respond, operation, failAt, { file: entry.file, line: entry.lineOf(at) });
  });
  const { answerPlace: _first, ...first } = answers[0]!;
  const override: Override = {
    id: `${entry.file}:${place.line}`,
    place,
    name: fields.name,
    contract,
    operation,
    when,
    priority: fields.priority ?? DEFAULT_PRIORITY,
    ...first,
    scenario: scenarioOf(fields.scenario),
    ...(outside ? { outside } : {}),
  };
  if (listed) override.sequence = sequenceOf(override, answers, fields.then);
  return override;
}

/**
 * What an entry answers: the operation it names, or by `method` and `path` the contract route they
 * name, else a route outside the contracts (answered as written, validated against nothing).
 */
function entryTarget(
  contracts: Contract[],
  fields: EntryFields,
  entry: RawEntry,
): OperationRef & { outside?: OutsideRoute } {
  if (fields.operation !== undefined)
    return resolveOperation(contracts, fields.operation, fields.contract, {
      file: entry.file,
      line: entry.lineOf(["operation"]),
      pointer: "/operation",
    });
  const inContract = findRoute(contracts, `${fields.method} ${fields.path}`, fields.contract, {
    file: entry.file,
    line: entry.lineOf(["path"]),
    pointer: "/path",
  });
  if (inContract) return inContract;
  const { contract, operation, route } = outsideTarget(fields.method!, fields.path!, entry.file);
  return { contract, operation, outside: route };
}

/** WireMock's default: an entry without `priority` goes after those given 1 to 4, before those given 6 and more. */
export const DEFAULT_PRIORITY = 5;

function matcherError(entry: RawEntry, operation: string, message: string, at: Array<string | number>): MockpactError {
  const pointer = pointerOf(at);
  return new MockpactError(
    "MATCHER_INVALID",
    `Failed to read mocks entry ${entry.index + 1} (${operation}): at ${pointer}: ${message}`,
    {
      hint: "See the matcher language in docs/testing.md: equals, regex, contains, absent, present, gt/gte/lt/lte, equalToJson, and/or/not.",
      place: { file: entry.file, line: entry.lineOf(at), pointer },
    },
  );
}

function scenarioOf(scenario: EntryFields["scenario"]): ScenarioStep | undefined {
  if (!scenario) return undefined;
  return { name: scenario.name, whenState: scenario["when-state"], nextState: scenario["next-state"] };
}
