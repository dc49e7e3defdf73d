// client-go's EventSourceObjectSpamFilter (tools/record/events_cache.go): a token bucket per source and
// involved object (kind, namespace, name, uid, apiVersion; not the reason or message). A source may write
// 25 events about an object at once, then one more for each 300 s; the others are dropped. The bucket is
// golang.org/x/time/rate's: it starts full, refills continuously, and a refused event takes nothing.
import { RingTable, small } from "./ring-table.ts";
import { type EventIdentity, namesObject, type ObjectKey } from "./seen-events.ts";

/** client-go's defaultSpamBurst. */
export const SPAM_BURST = 25;
/** client-go's defaultSpamQPS, 1/300 as the float32 it is passed as. */
export const SPAM_QPS = Math.fround(1 / 300);

/** Token buckets by involved object, bounded (the oldest bucket goes first: a forgotten object starts full). */
export class SpamFilter extends RingTable<EventIdentity> {
  private readonly burst: number;
  private readonly qps: number;
  private readonly keys: ObjectKey[] = [];
  private readonly tokens: number[] = [];
  private readonly lastAt: number[] = [];

  constructor(limit: number, burst = SPAM_BURST, qps = SPAM_QPS) {
    super(limit);
    this.burst = burst;
    this.qps = qps;
  }

  /**
   * Whether an event about this object (`objHash` is its objectHash) may be written at instant `at` (ms),
   * taking a token if so. A new bucket keeps `key` (by default the identity) to name its object.
   */
  allow(id: EventIdentity, objHash: number, at: number, key: ObjectKey = id): boolean {
    const hash = small(objHash);
    let slot = this.lookup(id, hash);
    if (slot < 0) {
      slot = this.claim(hash);
      this.keys[slot] = key;
      this.tokens[slot] = this.burst;
      this.lastAt[slot] = at;
    }
    const elapsed = at - this.lastAt[slot];
    const tokens = Math.min(this.burst, this.tokens[slot] + (elapsed > 0 ? (elapsed / 1000) * this.qps : 0));
    if (tokens < 1) return false;
    this.tokens[slot] = tokens - 1;
    this.lastAt[slot] = at;
    return true;
  }

  protected override holds(at: number, id: EventIdentity): boolean {
    return namesObject(this.keys[at], id);
  }
}
