import type { FixturesProgress, FixturesResult } from "../fixtures/index.js";

/** `generating [#########-----------]  512/1223 operations`, fitted to the terminal's width. */
export function progressLine(progress: FixturesProgress, columns: number): string {
  const label = progress.phase === "generate" ? "generating" : "writing   ";
  const unit = progress.phase === "generate" ? "operations" : "files";
  const counts = `${String(progress.done).padStart(String(progress.total).length)}/${progress.total} ${unit}`;
  const width = Math.max(10, Math.min(40, columns - label.length - counts.length - 6));
  const filled = progress.total === 0 ? width : Math.round((progress.done / progress.total) * width);
  return `${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${counts}`;
}

/** The one line a run ends with: files, bytes, time, invalid count, and what happened on disk. */
export function summaryLine(result: FixturesResult, check: boolean, elapsedMs: number): string {
  const head = `fixtures: ${result.files} files, ${formatBytes(result.bytes)}, ${(elapsedMs / 1000).toFixed(1)} s, ${result.failures.length} invalid`;
  if (check)
    return `${head}; ${result.differences.length === 0 ? "up to date" : `${result.differences.length} file(s) differ`}`;
  return `${head} (${result.written} written, ${result.unchanged} unchanged, ${result.removed.length} removed)`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
