import { writeHtmlReport } from "./html.js";
import { writeJsonReport } from "./json.js";
import { writeJUnitReport } from "./junit.js";
import type { Report } from "./model.js";

/** Where a run's report files go: the `--junit`, `--json` and `--html` flags of verify and compat. */
export interface ReportFiles {
  junit?: string;
  json?: string;
  html?: string;
}

/** Writes each asked-for report file (atomically, as every writer here does). */
export async function writeReportFiles(files: ReportFiles, report: Report): Promise<void> {
  if (files.junit) await writeJUnitReport(files.junit, report);
  if (files.json) await writeJsonReport(files.json, report);
  if (files.html) await writeHtmlReport(files.html, report);
}
