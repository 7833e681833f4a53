/**
 * The soak: 15,000 mixed valid and invalid requests (as many as 60 s at 200 per second) against the
 * CLI's mock in a process of its own, so that its RSS is its own. RSS at the end stays within 20% of
 * RSS after warm-up, nothing answers 5xx, the process never exits, and the journal stays bounded.
 * The soak is a count of requests, not a duration: the same work on a fast or a busy machine.
 */
import type { ChildProcess } from "node:child_process";
import { Agent } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startCli } from "../support/cli.js";
import { send } from "../support/http.js";
import { rssOf } from "./support/rss.js";
import { MIX, soakRequest } from "./support/soak-requests.js";

/** MOCKPACT_SOAK_REQUESTS runs longer, to see whether RSS levels off. */
const SOAK_REQUESTS = Number(process.env.MOCKPACT_SOAK_REQUESTS ?? 15_000);
/**
 * Growth that happens once is not a leak: the one-file CLI compiles its functions as they are first
 * run, and the background example check (it starts after listening) compiles validators while the
 * first thousands of requests arrive. Both are over by this count; a leak keeps growing after it.
 */
const WARM_UP_REQUESTS = 6_000;
/** Requests in flight at once, on as many kept-alive connections. */
const PER_ROUND = 10;
const JOURNAL_SIZE = 500;

/**
 * V8 lets its old space grow well past what is alive before a full collection, more so on Node 24:
 * RSS then climbs for tens of thousands of requests with no object kept (measured in process with
 * forced collections: the live heap stays at ~20 MiB, flat over 80,000 dynamic fakes). A cap at three
 * times the live heap makes V8 collect before it grows: a leak still shows, as RSS past the bound or
 * an out-of-memory exit.
 */
const OLD_SPACE_CAP = "--max-old-space-size=64";

let mock: { child: ChildProcess; url: string };
beforeAll(async () => {
  const args = [
    "mock",
    "contracts/shop.yaml",
    "contracts/catalog-faker.yaml",
    "-p",
    "0",
    "--max-body",
    "16kb",
    "--journal-size",
    String(JOURNAL_SIZE),
  ];
  mock = await startCli(args, undefined, { NODE_OPTIONS: OLD_SPACE_CAP });
});
afterAll(() => {
  mock?.child.kill("SIGTERM");
});

interface Tally {
  sent: number;
  byStatus: Map<number, number>;
  /** Transport errors, by request kind: only the over-limit body may see its connection closed early. */
  errors: Map<number, number>;
}

async function round(url: string, agent: Agent, first: number, tally: Tally): Promise<void> {
  const requests = Array.from({ length: PER_ROUND }, (_, i) => first + i);
  await Promise.all(
    requests.map(async (n) => {
      tally.sent++;
      try {
        const response = await send(url, soakRequest(n), agent, 10_000);
        tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
      } catch {
        const kind = n % MIX.length;
        tally.errors.set(kind, (tally.errors.get(kind) ?? 0) + 1);
      }
    }),
  );
}

it(`keeps RSS flat, answers no 5xx and keeps the journal bounded over ${SOAK_REQUESTS} mixed requests`, async () => {
  const pid = mock.child.pid!;
  const agent = new Agent({ keepAlive: true, maxSockets: PER_ROUND });
  const tally: Tally = { sent: 0, byStatus: new Map(), errors: new Map() };
  let rssAfterWarmUp: number | undefined;
  for (let n = 0; n < SOAK_REQUESTS; n += PER_ROUND) {
    await round(mock.url, agent, n, tally);
    if (rssAfterWarmUp === undefined && tally.sent >= WARM_UP_REQUESTS) rssAfterWarmUp = rssOf(pid);
  }
  agent.destroy();
  const rssAtEnd = rssOf(pid);
  if (process.env.MOCKPACT_SOAK_REPORT)
    process.stderr.write(
      `soak: ${tally.sent} requests, RSS ${mib(rssAfterWarmUp)} after warm-up, ${mib(rssAtEnd)} at the end\n`,
    );

  expect(mock.child.exitCode, "the mock is still running").toBeNull();
  const fiveHundreds = [...tally.byStatus].filter(([status]) => status >= 500);
  expect(fiveHundreds, JSON.stringify([...tally.byStatus])).toEqual([]);
  const overLimitKind = MIX.length - 1;
  expect(
    [...tally.errors.keys()].filter((kind) => kind !== overLimitKind),
    "transport errors outside the over-limit kind",
  ).toEqual([]);
  expect(tally.sent).toBe(SOAK_REQUESTS);

  expect(rssAfterWarmUp).toBeDefined();
  expect(rssAtEnd!, `RSS ${mib(rssAfterWarmUp)} after warm-up, ${mib(rssAtEnd)} at the end`).toBeLessThanOrEqual(
    rssAfterWarmUp! * 1.2,
  );

  const journal = (await (await fetch(`${mock.url}/__mockpact/requests`)).json()) as {
    total: number;
    size: number;
    requests: unknown[];
  };
  expect(journal.size).toBe(JOURNAL_SIZE);
  expect(journal.requests.length).toBeLessThanOrEqual(JOURNAL_SIZE);
  // Every request that reached the core is journaled; a body refused for its size (413) never does.
  const overLimitSent = Math.ceil(tally.sent / MIX.length);
  expect(journal.total).toBeGreaterThanOrEqual(
    tally.sent - overLimitSent - [...tally.errors.values()].reduce((a, b) => a + b, 0),
  );
}, 120_000);

const mib = (bytes: number | undefined) => (bytes === undefined ? "n/a" : `${(bytes / 1024 ** 2).toFixed(1)} MiB`);
