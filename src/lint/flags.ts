import { REF_FLAGS } from "../contract/flags.js";
import type { LoadOptions } from "../contract/index.js";
import type { FlagTable } from "../options/flag-spec.js";

/** What `mockpact lint` takes: `lintContracts(contracts, options)`. */
export interface LintOptions extends LoadOptions {
  /** Contract files or folders of them. Default: `contracts`. */
  contracts?: string[];
}

export const LINT_FLAGS = {
  contracts: {
    flag: "[contracts...]",
    type: "arguments",
    default: ["contracts"],
    description: "contract files or folders",
  },
  ...REF_FLAGS,
} satisfies FlagTable<LintOptions>;
