/** mockpact's own implementation of Pact's request matching rules (V1 to V4), used by `mock --pact`. */
export { matchRequest } from "./request.js";
export { actualFromMockRequest, type ActualRequest } from "./actual.js";
export { describeMismatch, type Mismatch } from "./mismatch.js";
export { readMatchingRules, type MatchingRules, type MatchingRule, type RuleEntry, type RuleList } from "./rules.js";
export { normaliseRule } from "./rule-list.js";
export { selectRules, type SelectedRules } from "./select.js";
export { checkRules, checkRule } from "./check-rule.js";
