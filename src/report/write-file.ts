import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { MockpactError } from "../errors.js";

/**
 * Writes a report so that a reader (a CI step, a watcher) never sees half a file: a temp file in
 * the same folder (same file system, so rename is atomic), then rename over the target.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const target = path.resolve(file);
  const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(temp, content, "utf8");
    await rename(temp, target);
  } catch (cause) {
    await rm(temp, { force: true });
    throw new MockpactError("REPORT_WRITE", `Failed to write the report ${target}: ${(cause as Error).message}`, {
      hint: "Check that the folder exists or can be created, and that it is writable.",
      place: { file: target },
      cause,
    });
  }
}
