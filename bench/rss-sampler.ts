import { rssOf } from "./processes.js";

/**
 * Samples a process's RSS while a load runs and keeps the highest reading: "RSS under load". The
 * interval is short against a run of a second or more, and reading /proc costs the server nothing.
 */
export function sampleRss(pid: number, everyMs = 100): { stop(): number | undefined } {
  let peak: number | undefined;
  const read = () => {
    const rss = rssOf(pid);
    if (rss !== undefined && (peak === undefined || rss > peak)) peak = rss;
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop() {
      clearInterval(timer);
      read();
      return peak;
    },
  };
}
