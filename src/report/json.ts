import type { Report } from "./model.js";
import { writeFileAtomic } from "./write-file.js";

/** The full structured result, as written by `--json FILE`: the report plus what the command adds. */
export function toJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export async function writeJsonReport(file: string, report: Report): Promise<void> {
  await writeFileAtomic(file, toJson(report));
}
