/**
 * The command curves of `npm run bench -- --scale`, each a process per run against a peer of the
 * same run: verify against interactions, compat against pacts, fixtures against operations. Each
 * writes its table and chart between its own markers of the docs (`<!-- scale-NAME:begin -->`), so
 * `--scale --only NAME` reruns one alone without touching the others.
 */
import { loadAverage } from "./machine.js";
import type { ScalePlan } from "./plan.js";
import type { Pinning } from "./processes.js";
import { formatCompat } from "./scale-compat-report.js";
import { scaleCompat } from "./scale-compat.js";
import { formatFixtures } from "./scale-fixtures-report.js";
import { scaleFixtures } from "./scale-fixtures.js";
import { scaleVerify } from "./scale-verify.js";
import { formatVerify, judgeVerify } from "./scale-verify-report.js";
import { writeGenerated } from "./docs.js";

export interface Curve {
  name: "verify" | "compat" | "fixtures";
  title: string;
  /** Measures the curve and returns its Markdown (charts written beside `docs`). */
  measure(plan: ScalePlan, pinning: Pinning, docs: string, log: (line: string) => void): Promise<string>;
}

export const CURVES: Curve[] = [
  {
    name: "verify",
    title: "verify against interactions",
    async measure(plan, pinning, docs, log) {
      const rows = await scaleVerify(plan.verifyInteractions, plan.verifyBoundMs, pinning, log);
      return formatVerify(rows, judgeVerify(rows, plan.name === "scale-smoke"), docs);
    },
  },
  {
    name: "compat",
    title: "compat against pacts",
    measure: async (plan, pinning, docs, log) => formatCompat(await scaleCompat(plan, pinning, log), docs),
  },
  {
    name: "fixtures",
    title: "fixtures against operations",
    measure: async (plan, pinning, docs, log) => formatFixtures(await scaleFixtures(plan, pinning, log), docs),
  },
];

/** Runs one curve and writes it between its markers; returns what to print. */
export async function runCurve(
  curve: Curve,
  plan: ScalePlan,
  pinning: Pinning,
  docs: string,
  log: (line: string) => void,
): Promise<string> {
  const loadAtStart = loadAverage();
  const startedAt = new Date().toISOString();
  log(`${curve.title} (load average ${loadAtStart}):`);
  const body = await curve.measure(plan, pinning, docs, log);
  const header = `Run ${startedAt} (${plan.name} plan). Load average (1 min): ${loadAtStart} at the start, ${loadAverage()} at the end.`;
  const report = `${header}\n\n${body}`;
  return `\n${report}\n${await writeGenerated(docs, `scale-${curve.name}`, report)}\n`;
}
