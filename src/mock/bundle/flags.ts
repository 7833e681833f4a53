import { REF_FLAGS } from "../../contract/flags.js";
import type { FlagTable } from "../../options/flag-spec.js";
import type { BundleOptions } from "./options.js";

/** `mockpact bundle`: the contracts and what answers beside them, into one file for the browser. */
export const BUNDLE_FLAGS = {
  contracts: {
    flag: "[contracts...]",
    type: "arguments",
    default: ["contracts"],
    description: "contract files or folders",
  },
  out: {
    flag: "-o, --out <file>",
    type: "string",
    required: true,
    description: "the bundle file to write (JSON), e.g. public/mockpact.json",
  },
  mocks: {
    flag: "--mocks <file|dir>",
    type: "strings",
    description: "mocks files or folders to include (repeatable; default: the mocks folder beside the contracts)",
  },
  fixtures: {
    flag: "--fixtures <dir>",
    type: "string",
    description: "a fixtures folder (mockpact fixtures --out) whose items seed the stateful store",
  },
  ...REF_FLAGS,
} satisfies FlagTable<BundleOptions>;
