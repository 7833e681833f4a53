import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PactFile } from "../pact/pact-file.js";
import type { ResolvedVerifyOptions } from "./options.js";
import type { RunView } from "./suites.js";
import type { RunJob } from "./verifier-worker.js";

/** A run of the plan: the pact it verifies (its index; none for the broker's pacts), and which of its interactions. */
export interface PlannedRun extends RunJob {
  pact: number | undefined;
  /** A shard of a large pact: its interactions `from` to `to` (exclusive), in the pact's order. */
  shard?: { from: number; to: number };
}

/**
 * The runs of Pact's verifier for a verification over `workers` workers. One worker: a run per pact,
 * as Pact JS does it. More: a pact is cut into consecutive shards, about as many as its share of all
 * interactions gives it, so that the workers end together. Publishing shards whole pacts only (Pact
 * publishes a pact's result as a whole). The broker's pacts are one run.
 */
export function planRuns(pacts: PactFile[], options: ResolvedVerifyOptions, workers: number): PlannedRun[] {
  const total = pacts.reduce((sum, pact) => sum + pact.interactions.length, 0);
  const whole = workers <= 1 || options.publish !== undefined;
  const runs: PlannedRun[] = [];
  pacts.forEach((pact, index) => {
    const count = pact.interactions.length;
    const shards = whole ? 1 : Math.min(count, Math.ceil((workers * count) / total));
    for (let shard = 0; shard < shards; shard++) {
      const from = Math.floor((shard * count) / shards);
      const to = Math.floor(((shard + 1) * count) / shards);
      runs.push({
        pact: index,
        source: { kind: "pact", url: pact.source },
        consumer: pact.consumer,
        ...(shards > 1 ? { shard: { from, to } } : {}),
      });
    }
  });
  if (options.broker) runs.push({ pact: undefined, source: { kind: "broker" }, consumer: undefined });
  return runs;
}

/**
 * Writes each shard as a pact file of its own (the pact with only the shard's interactions) in a
 * temporary folder, and points its run there. Pact's core has a filter of its own (PACT_DESCRIPTION),
 * but it compiles its regular expression again for every interaction of the pact: a filter that
 * names a few hundred descriptions cost more than verifying them.
 */
export async function writeShards(
  plan: PlannedRun[],
  pacts: PactFile[],
): Promise<{ shardFiles: Map<string, string>; remove(): Promise<void> }> {
  const shardFiles = new Map<string, string>();
  if (!plan.some((run) => run.shard)) return { shardFiles, remove: async () => {} };
  const folder = await mkdtemp(path.join(tmpdir(), "mockpact-shards-"));
  for (const [n, run] of plan.entries()) {
    if (!run.shard || run.pact === undefined || run.source.kind !== "pact") continue;
    const document = pacts[run.pact]!.document;
    const key = Array.isArray(document.interactions) ? "interactions" : "messages";
    const list = (document[key] as unknown[]).filter((item) => typeof item === "object" && item !== null);
    const file = path.join(folder, `shard-${n}.json`);
    await writeFile(file, JSON.stringify({ ...document, [key]: list.slice(run.shard.from, run.shard.to) }));
    shardFiles.set(file, run.source.url);
    run.source = { kind: "pact", url: file };
  }
  return { shardFiles, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** The shards of one pact as one run: they are consecutive, so their results follow one another in the pact's order. */
export function mergeViews(views: RunView[]): RunView {
  if (views.length === 1) return views[0]!;
  return {
    output: {
      ok: views.every((view) => view.output.ok),
      interactions: views.flatMap((view) => view.output.interactions),
      unattributed: views.flatMap((view) => view.output.unattributed),
      output: views.flatMap((view) => view.output.output),
    },
    interactions: views.flatMap((view) => view.interactions),
    records: views.flatMap((view) => view.records),
    extraFindings: views.flatMap((view) => view.extraFindings),
  };
}
