import type { PatternTester } from "../../schema/budgeted-regex.js";
import type { RequestView } from "../request-view.js";
import type { CompiledJsonPath } from "./jsonpath.js";

export type Comparison = "gt" | "gte" | "lt" | "lte";

/** A value matcher of `when` and of verification patterns, compiled and checked at load. */
export type Matcher =
  | { kind: "equals"; value: unknown }
  | { kind: "regex"; pattern: string; tester: PatternTester }
  | { kind: "contains"; value: unknown }
  | { kind: "absent" }
  | { kind: "present" }
  | { kind: "compare"; op: Comparison; value: number }
  | { kind: "equalToJson"; value: unknown; ignore: CompiledJsonPath[]; ignoreExtraFields: boolean }
  | { kind: "and" | "or"; of: Matcher[] }
  | { kind: "not"; of: Matcher };

/**
 * What a request has at one field: no value (absent), one, or a list (a query parameter's values, an
 * indefinite JSONPath's results). Matchers other than absent/present hold when any value satisfies
 * them; `equals` with a list compares a list field whole, in order.
 */
export interface FieldValues {
  values: unknown[];
  list: boolean;
}

/** One condition: a field of the request (`query.tag`, `body $.items[0].qty`) and the matcher it must satisfy. */
export interface FieldCondition {
  /** How messages name the field: `path.orderId`, `query.tag`, `headers.x-tenant`, `body $.qty`, `method`. */
  field: string;
  read(view: RequestView): FieldValues;
  matcher: Matcher;
}

/** Every condition must hold; an empty list holds for every request. */
export type Conditions = FieldCondition[];
