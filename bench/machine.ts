/** The machine a result was measured on: the README shows it beside the figures. */
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from "node:os";

export interface Machine {
  cpus: number;
  model: string;
  memoryGiB: number;
  node: string;
  os: string;
}

export function describeMachine(): Machine {
  return {
    cpus: availableParallelism(),
    model: cpuModel(),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}

/** /proc/cpuinfo's `model name` where there is one (os.cpus() is empty in some containers). */
function cpuModel(): string {
  try {
    const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1];
    if (model) return model.trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? "unknown";
}

/** The machine's 1-minute load average, printed beside each figure: on a shared machine it says how far to trust it. */
export function loadAverage(): number {
  return Math.round(loadavg()[0]! * 100) / 100;
}
