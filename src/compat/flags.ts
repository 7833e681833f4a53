import { REF_FLAGS } from "../contract/flags.js";
import type { FlagTable } from "../options/flag-spec.js";
import { REPORT_FLAGS } from "../report/flags.js";
import type { ReportFiles } from "../report/files.js";
import type { CompatOptions } from "./options.js";

export const FAIL_ON = ["error", "warning"] as const;

/** `mockpact compat`: the options of `checkCompat()`, and the report files the CLI writes from its result. */
export const COMPAT_FLAGS = {
  pacts: {
    flag: "--pact <file|dir|url>",
    type: "strings",
    description: "a pact file, a folder of them, or a pact URL (repeatable)",
  },
  contracts: {
    flag: "--contract <file|dir>",
    type: "strings",
    description: "the provider's OpenAPI or Swagger contract (repeatable)",
  },
  asyncapi: {
    flag: "--asyncapi <file>",
    type: "strings",
    description: "the provider's AsyncAPI 2.6/3.0 document: message interactions are checked against it (repeatable)",
  },
  messageSchemas: {
    flag: "--message-schema <[description=]name>",
    type: "strings",
    description: "the AsyncAPI message, or OpenAPI schema of --contract, that checks a message (repeatable)",
  },
  failOn: {
    flag: "--fail-on <severity>",
    type: "string",
    default: "error",
    choices: FAIL_ON,
    description: "fail on errors only, or on warnings too",
  },
  ...REPORT_FLAGS,
  ...REF_FLAGS,
} satisfies FlagTable<CompatOptions & ReportFiles>;
