import type { FlagTable } from "../options/flag-spec.js";
import type { ReportFiles } from "./files.js";

/** The report files of verify and compat: the same flags, the same writers. */
export const REPORT_FLAGS = {
  junit: {
    flag: "--junit <file>",
    type: "string",
    description: "write JUnit XML: a testsuite per pact, a testcase per interaction",
  },
  json: { flag: "--json <file>", type: "string", description: "write the full result as JSON" },
  html: {
    flag: "--html <file>",
    type: "string",
    description: "write a self-contained HTML report, filterable to failures",
  },
} satisfies FlagTable<ReportFiles>;
