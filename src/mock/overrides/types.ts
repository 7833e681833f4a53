import type { Contract, Operation } from "../../contract/model.js";
import type { DelayRange } from "../../options/delay.js";
import type { FaultKind } from "../faults.js";
import type { OutsideRoute } from "./outside.js";
import type { Conditions } from "../matchers/types.js";
import type { Template } from "./template.js";

/** Where an entry of a mocks file is: messages, warnings and the journal name it `file:line`. */
export interface EntryPlace {
  file: string;
  line: number;
}

/** What the entry sends as the body: fixed, a named example, a fake, or the mock's usual answer for the status. */
export type BodySource =
  | { kind: "fixed"; value: unknown; template?: Template }
  | { kind: "example"; name: string }
  | { kind: "fake" }
  | { kind: "generated" };

export interface ScenarioStep {
  name: string;
  whenState?: string;
  nextState?: string;
}

/** One entry of a mocks file, resolved against the loaded contracts and checked. */
export interface Override {
  /** `mocks/shop.yaml:3`: how the journal and warnings name it. */
  id: string;
  place: EntryPlace;
  name?: string;
  contract: Contract;
  operation: Operation;
  when: Conditions;
  /** Tried lowest first (WireMock's rule; 5 when not given), then in file order. */
  priority: number;
  status: number;
  headers: Record<string, string>;
  headerTemplates?: Record<string, Template>;
  body: BodySource;
  delay?: DelayRange;
  fault?: FaultKind;
  scenario?: ScenarioStep;
  /** Set at load when the fixed response breaks the contract; sent in the `Mockpact-Warning` header. */
  warning?: string;
  /** Set for an entry that names a `method` and `path` no loaded contract has: `contract` and `operation` are stand-ins, nothing is validated. */
  outside?: OutsideRoute;
  /** `respond` given as a list: its answers, each an override of its own, sent in turn. */
  sequence?: ResponseSequence;
  /** For an answer of a sequence: its position in `respond`, from 0. */
  step?: number;
}

/** What a sequence sends once its last answer has been sent: that one again, or the first one. */
export type SequenceEnd = "repeat-last" | "cycle";

/**
 * `respond: [ {...}, {...} ]`: the answers in turn. The position is counted in the state store under
 * `key`, so replicas sharing a Redis store share it, and a reset starts it again.
 */
export interface ResponseSequence {
  steps: Override[];
  then: SequenceEnd;
  key: string;
}

/** Every override of the loaded mocks files, in file order, indexed by the operation they answer. */
export interface OverrideSet {
  files: string[];
  all: Override[];
  byOperation: Map<Operation, Override[]>;
  /** The entries of routes outside the contracts, in file order: tried when no contract route matches. */
  outside: Override[];
  /** Scenario name -> the states its entries mention. */
  scenarios: Map<string, Set<string>>;
}
