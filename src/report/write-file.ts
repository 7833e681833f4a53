import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { MockpactError } from "../errors.js";

let temporaries = 0;

/**
 * The one way mockpact replaces a file: the content goes to a temporary file in the same folder (same
 * file system, so the rename is atomic), then is renamed over the target. A reader (a CI step, a
 * watcher, a verifier) never sees half a file, and a crash leaves the old one. The temporary's name
 * starts with a dot and ends in `.tmp`, so it never clashes with a file of ours and is easy to sweep.
 * Errors are thrown as the file system gives them; callers say what failed.
 */
export async function replaceFile(file: string, content: string): Promise<void> {
  const target = path.resolve(file);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${++temporaries}.tmp`);
  try {
    await writeFile(temporary, content, "utf8");
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}

/** A report file, its folder made when missing; a failure is REPORT_WRITE naming the file. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const target = path.resolve(file);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await replaceFile(target, content);
  } catch (cause) {
    throw new MockpactError("REPORT_WRITE", `Failed to write the report ${target}: ${(cause as Error).message}`, {
      hint: "Check that the folder exists or can be created, and that it is writable.",
      place: { file: target },
      cause,
    });
  }
}
