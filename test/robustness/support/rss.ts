import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** A process's resident set size in bytes: /proc on Linux, `ps` elsewhere; undefined once it is gone. */
export function rssOf(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux, or gone: ask ps
  }
  const ps = spawnSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" });
  const kb = Number(ps.stdout.trim());
  return ps.status === 0 && kb > 0 ? kb * 1024 : undefined;
}
