import { existsSync, realpathSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

export interface WatchOptions {
  /** The files of the current load; asked again after every reload. */
  files(): string[];
  /** The error to report when `file`, one of `files()`, is gone at the time of a reload. */
  missing(file: string): Error;
  /** Folders whose new contract or mocks files also trigger a reload (the folders given on the command line). */
  folders: string[];
  reload(): Promise<void>;
  onReload(file: string): void;
  onReloadFailed(file: string, error: Error): void;
}

/** Editors write in bursts (truncate, write, rename): changes are gathered for this long. */
const DEBOUNCE_MS = 100;
const LOADABLE = /\.(ya?ml|json)$/i;

/**
 * `--watch`: reload when a loaded file changes. Folders are watched, not files: a file watcher dies
 * with its file, and editors, `git checkout` and symlink swaps delete, rename over and re-point files.
 * A broken edit or a deleted file keeps the last good version serving and reports the error; the
 * next change (the file back again) reloads. Returns the function that stops watching.
 */
export function watchFiles(options: WatchOptions): () => void {
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (file: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A file of the current load that is gone (deleted, mid-checkout, a dangling link) fails the
      // reload: a folder or mocks folder loads fine without it, and would silently stop serving it.
      const gone = options.files().find((f) => !existsSync(f));
      (gone === undefined ? options.reload() : Promise.reject(options.missing(gone)))
        .then(() => options.onReload(file))
        .catch((error: Error) => options.onReloadFailed(gone ?? file, error))
        .finally(() => !stopped && rewatch());
    }, DEBOUNCE_MS);
  };
  const rewatch = () => {
    for (const w of watchers) w.close();
    watchers = watchersFor(options.files(), options.folders, schedule);
  };
  rewatch();
  return () => {
    stopped = true;
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}

function watchersFor(files: string[], folders: string[], schedule: (file: string) => void): FSWatcher[] {
  const names = new Map<string, Set<string>>(); // folder -> watched names in it ("*" for any loadable file)
  const add = (folder: string, name: string) => names.set(folder, (names.get(folder) ?? new Set()).add(name));
  for (const file of files) {
    add(path.dirname(file), path.basename(file));
    const real = realTarget(file);
    if (real && real !== file) add(path.dirname(real), path.basename(real));
  }
  for (const folder of folders) add(path.resolve(folder), "*");
  const watchers: FSWatcher[] = [];
  for (const [folder, wanted] of names) {
    const watcher = watchFolder(folder, (name) => {
      if (wanted.has(name) || (wanted.has("*") && LOADABLE.test(name))) schedule(path.join(folder, name));
    });
    if (watcher) watchers.push(watcher);
  }
  return watchers;
}

function realTarget(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** A folder that is gone (or becomes unreadable) is simply not watched until the next reload. */
function watchFolder(folder: string, onName: (name: string) => void): FSWatcher | undefined {
  try {
    const watcher = watch(folder, (_event, name) => name && onName(String(name)));
    watcher.on("error", () => watcher.close());
    return watcher;
  } catch {
    return undefined;
  }
}
