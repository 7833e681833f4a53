export { verifyProvider, type VerifyResult } from "./verify.js";
export {
  resolveVerifyOptions,
  type VerifyOptions,
  type ResolvedVerifyOptions,
  type ConsumerVersionSelector,
  type BrokerOptions,
  type PublishOptions,
} from "./options.js";
export type { StateHandlers, StateHandler, StateChange, StateAction, StateFunction } from "./states.js";
export { parsePact, type PactFile, type PactInteraction } from "../pact/pact-file.js";
