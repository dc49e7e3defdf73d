// client-go's EventAggregator (tools/record/events_cache.go): events from one source about one object
// with one type and reason but different messages are "similar". Once 10 distinct messages have been seen
// within 600 s of each other, each further new one is written into a single aggregate event whose message
// is `(combined from similar events): <message>` and whose count grows.
import type { Event } from "../api/types.ts";
import { mix, RingTable, small } from "./ring-table.ts";
import { type EventIdentity, namesObject, type ObjectKey } from "./seen-events.ts";

/** client-go's defaultAggregateMaxEvents: distinct messages that make a group aggregate. */
export const AGGREGATE_MAX_EVENTS = 10;
/** client-go's defaultAggregateIntervalInSeconds, in ms: a quieter group starts over. */
export const AGGREGATE_INTERVAL_MS = 600_000;
/** client-go's EventAggregatorByReasonMessageFunc prefix. */
export const COMBINED_PREFIX = "(combined from similar events): ";

/** Hash the group an identity belongs to (object, type and reason), from its object's hash. */
export function similarHash(id: EventIdentity, objHash: number): number {
  return small(mix(mix(objHash, id.type), id.reason));
}

// What few groups have: more than one distinct message, or an aggregate event (and its count).
interface GroupExtra {
  more: string[] | undefined;
  aggregate: Event | undefined;
  count: number;
}

/**
 * Groups of similar events, bounded (the oldest group goes first), each with the distinct messages seen
 * lately and the aggregate event written for it. The source and the reporting controller and instance,
 * also in client-go's key, are the recorder's own.
 */
export class EventAggregator extends RingTable<EventIdentity> {
  private readonly maxEvents: number;
  private readonly intervalMs: number;
  // Per slot: the group's object, type and reason, when it last had an event, its first distinct message,
  // and the rest only once it has any, so that a group of one (the usual case) is a few array entries.
  private readonly keys: ObjectKey[] = [];
  private readonly types: string[] = [];
  private readonly reasons: string[] = [];
  private readonly lastAt: number[] = [];
  private readonly first: string[] = [];
  private readonly extras: (GroupExtra | undefined)[] = [];

  constructor(limit: number, maxEvents = AGGREGATE_MAX_EVENTS, intervalMs = AGGREGATE_INTERVAL_MS) {
    super(limit);
    this.maxEvents = maxEvents;
    this.intervalMs = intervalMs;
  }

  /**
   * Note an event at instant `at` (ms) in its group (`hash` is its similarHash): the group's slot when the
   * event is to go into the group's aggregate event, else -1 (it is written as itself). A new group keeps
   * `key` (by default the identity) to name its object.
   */
  observe(id: EventIdentity, hash: number, at: number, key: ObjectKey = id): number {
    let slot = this.lookup(id, hash);
    if (slot < 0) {
      slot = this.claim(hash);
      this.keys[slot] = key;
      this.types[slot] = id.type;
      this.reasons[slot] = id.reason;
      this.extras[slot] = undefined;
      this.restart(slot, id.message, at);
      return this.maxEvents <= 1 ? slot : -1;
    }
    if (at - this.lastAt[slot] > this.intervalMs) {
      // client-go forgets the messages but not the aggregate event (another cache holds it): a group that
      // aggregates again later goes on counting into the same event.
      this.restart(slot, id.message, at);
      return this.maxEvents <= 1 ? slot : -1;
    }
    this.lastAt[slot] = at;
    const message = id.message;
    if (this.first[slot] === message) return -1;
    const extra = this.extras[slot];
    const more = extra?.more;
    if (more?.includes(message)) return -1;
    const distinct = 2 + (more?.length ?? 0);
    if (distinct >= this.maxEvents) return slot;
    // client-go then drops any one message from its set to keep it below the threshold (Go's map order
    // picks which); this keeps the first ones and drops the new one, so that the choice is deterministic.
    if (more) more.push(message);
    else this.extra(slot).more = [message];
    return -1;
  }

  /** The aggregate event written (or about to be) for a group, if any. */
  aggregate(slot: number): Event | undefined {
    return this.extras[slot]?.aggregate;
  }

  /** Count one more event into a group's aggregate event (there is one); the new count. */
  repeat(slot: number): number {
    return ++this.extra(slot).count;
  }

  /** Remember the aggregate event of a group (a first one has count 1; a stored copy keeps the count). */
  keep(slot: number, event: Event): void {
    const extra = this.extra(slot);
    if (extra.aggregate === undefined) extra.count = 1;
    extra.aggregate = event;
  }

  protected override holds(at: number, id: EventIdentity): boolean {
    return this.reasons[at] === id.reason && this.types[at] === id.type && namesObject(this.keys[at], id);
  }

  private extra(slot: number): GroupExtra {
    let extra = this.extras[slot];
    if (extra === undefined) {
      extra = { more: undefined, aggregate: undefined, count: 0 };
      this.extras[slot] = extra;
    }
    return extra;
  }

  private restart(slot: number, message: string, at: number): void {
    this.lastAt[slot] = at;
    this.first[slot] = message;
    const extra = this.extras[slot];
    if (extra !== undefined) extra.more = undefined;
  }
}
