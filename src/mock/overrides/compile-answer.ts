import type { Operation } from "../../contract/model.js";
import type { MockpactError } from "../../errors.js";
import { chooseResponse } from "../../http/choose.js";
import { parseDelay } from "../../options/delay.js";
import type { RespondFields } from "./compile.js";
import { compileBodySource, compileHeaders } from "./compile-respond.js";
import type { EntryPlace, Override, ResponseSequence, SequenceEnd } from "./types.js";

export type Fail = (message: string, path: Array<string | number>, hint: string) => MockpactError;
export type Answer = Pick<Override, "status" | "headers" | "headerTemplates" | "body" | "delay" | "fault"> & {
  answerPlace: EntryPlace;
};

/** One answer of `respond`: its status (default: the operation's lowest documented 2xx), body, headers, delay and fault. */
export function compileAnswer(
  respond: RespondFields,
  operation: Operation,
  fail: Fail,
  answerPlace: EntryPlace,
): Answer {
  const status = respond.status ?? chooseResponse(operation)?.status ?? 200;
  const delay = respond.delay === undefined ? undefined : parseDelay(respond.delay);
  if (typeof delay === "string")
    throw fail(delay, ["respond", "delay"], "Write a delay such as 250ms, 1.5s or 100ms-400ms.");
  return {
    status,
    body: compileBodySource(respond, operation, status, fail),
    delay,
    fault: respond.fault,
    ...compileHeaders(respond, fail),
    answerPlace,
  };
}

/** Each answer of a sequence as an override of its own (checked and answered as any), counted under the entry's id. */
export function sequenceOf(override: Override, answers: Answer[], then: SequenceEnd | undefined): ResponseSequence {
  const steps = answers.map(({ answerPlace, ...answer }, step) => ({
    ...override,
    ...answer,
    place: answerPlace,
    step,
  }));
  return { steps, then: then ?? "repeat-last", key: override.id };
}
