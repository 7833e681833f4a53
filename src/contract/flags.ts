import type { FlagTable } from "../options/flag-spec.js";
import type { LoadOptions } from "./load.js";

/** How contracts are read: the same two flags in every command that loads contracts. */
export const REF_FLAGS = {
  allowRemoteRefs: {
    flag: "--allow-remote-refs",
    type: "boolean",
    default: false,
    description: "fetch $refs that point at URLs",
  },
  refRoot: {
    flag: "--ref-root <dir>",
    type: "string",
    description: "folder file $refs may read from (default: each contract's folder)",
  },
} satisfies FlagTable<LoadOptions>;
