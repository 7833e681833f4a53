import type { SecretNames } from "../../../redact.js";
import { MAX_JOURNAL_PAGE, type JournalEntry, type JournalRecord, type JournalStore } from "../../journal.js";
import { bodyCap, boundedRecord } from "../../journal-bounds.js";
import { formatRecord } from "../../journal-format.js";
import { reaching, type StoreKeys } from "./keys.js";
import type { ScriptedRedis } from "./scripts.js";

/**
 * The journal as a capped Redis stream (XADD MAXLEN ~ size) that every replica writes and reads:
 * the console, which polls the admin API, shows all replicas' requests on whichever replica it is
 * opened. An entry's stream id is `SEQ-1`, SEQ counted by INCR, so `?before=SEQ` is a range read.
 * Entries are formatted and redacted when recorded (nothing secret reaches Redis), and sent without
 * waiting: a request is never slowed or failed by its journal entry, and while Redis is away the
 * entries are lost (`lost` counts them).
 */
export class RedisJournal implements JournalStore {
  lost = 0;

  constructor(
    private readonly redis: ScriptedRedis,
    private readonly url: string,
    private readonly keys: StoreKeys,
    readonly size: number,
    private readonly secretNames: () => SecretNames | undefined,
  ) {}

  record(record: JournalRecord): undefined {
    const entry =
      this.size === 0
        ? ""
        : JSON.stringify({
            ...formatRecord({ seq: 0, ...boundedRecord(record, bodyCap(this.size)) }, this.secretNames()),
            seq: undefined,
          });
    this.redis
      .mockpactJournal(this.keys.named("journal"), this.keys.named("journal:seq"), this.size, entry)
      .catch(() => this.lost++);
  }

  entries(limit = this.size, _secretNames?: SecretNames, before = Infinity): Promise<JournalEntry[]> {
    const wanted = Math.min(limit, this.size, MAX_JOURNAL_PAGE);
    if (wanted <= 0 || before <= 1) return Promise.resolve([]);
    const end = Number.isFinite(before) ? `${before - 1}-1` : "+";
    return reaching(this.url, async () => {
      const rows = await this.redis.xrevrange(this.keys.named("journal"), end, "-", "COUNT", wanted);
      return rows.map(([id, fields]) => ({
        seq: Number.parseInt(id, 10),
        ...(JSON.parse(fields[1] ?? "{}") as Omit<JournalEntry, "seq">),
      }));
    });
  }

  get total(): Promise<number> {
    return reaching(this.url, async () => Number((await this.redis.get(this.keys.named("journal:seq"))) ?? 0));
  }

  clear(): Promise<void> {
    return reaching(
      this.url,
      async () => void (await this.redis.del(this.keys.named("journal"), this.keys.named("journal:seq"))),
    );
  }
}
