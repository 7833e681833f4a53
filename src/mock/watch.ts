import { watch, type FSWatcher } from "node:fs";
import type { ResolvedMockOptions } from "./options.js";

/**
 * `--watch`: reload when a contract file changes. Editors write in bursts (truncate, write, rename),
 * so changes are debounced; a broken edit keeps the last good version serving and reports the error.
 */
export function watchContracts(files: () => string[], options: ResolvedMockOptions, reload: () => Promise<void>): () => void {
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const schedule = (file: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      reload()
        .then(() => {
          options.onEvent({ type: "reload", file });
          rewatch();
        })
        .catch((error: Error) => {
          options.onEvent({ type: "reload-failed", file, error });
          rewatch();
        });
    }, 100);
  };
  const rewatch = () => {
    for (const w of watchers) w.close();
    watchers = files().map((file) => watch(file, () => schedule(file)));
  };
  rewatch();
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
