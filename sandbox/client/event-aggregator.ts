// client-go's EventAggregator (tools/record/events_cache.go): events from one source about one object
// with one type and reason but different messages are "similar". Once 10 distinct messages have been seen
// within 600 s of each other, each further new one is written into a single aggregate event whose message
// is `(combined from similar events): <message>` and whose count grows.
import type { Event } from "../api/types.ts";
import { mix, RingTable, small } from "./ring-table.ts";
import type { EventIdentity } from "./seen-events.ts";

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

/**
 * Groups of similar events, bounded (the oldest group goes first), each with the distinct messages seen
 * lately and the aggregate event written for it. The source and the reporting controller and instance,
 * also in client-go's key, are the recorder's own.
 */
export class EventAggregator extends RingTable<EventIdentity> {
  private readonly maxEvents: number;
  private readonly intervalMs: number;
  // Per slot: an identity of the group, when it last had an event, its distinct messages (the first one
  // apart, so that a group of one, the usual case, allocates nothing), and its aggregate event and count.
  private readonly ids: EventIdentity[] = [];
  private readonly lastAt: number[] = [];
  private readonly first: string[] = [];
  private readonly more: (string[] | undefined)[] = [];
  private readonly aggregates: (Event | undefined)[] = [];
  private readonly counts: number[] = [];

  constructor(limit: number, maxEvents = AGGREGATE_MAX_EVENTS, intervalMs = AGGREGATE_INTERVAL_MS) {
    super(limit);
    this.maxEvents = maxEvents;
    this.intervalMs = intervalMs;
  }

  /**
   * Note an event at instant `at` (ms) in its group (`hash` is its similarHash): the group's slot when the
   * event is to go into the group's aggregate event, else -1 (it is written as itself).
   */
  observe(id: EventIdentity, hash: number, at: number): number {
    let slot = this.lookup(id, hash);
    if (slot < 0) {
      slot = this.claim(hash);
      this.ids[slot] = id;
      this.aggregates[slot] = undefined;
      this.counts[slot] = 0;
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
    let more = this.more[slot];
    if (more?.includes(message)) return -1;
    const distinct = 2 + (more?.length ?? 0);
    if (distinct >= this.maxEvents) return slot;
    // client-go then drops any one message from its set to keep it below the threshold (Go's map order
    // picks which); this keeps the first ones and drops the new one, so that the choice is deterministic.
    if (more === undefined) {
      more = [];
      this.more[slot] = more;
    }
    more.push(message);
    return -1;
  }

  /** The aggregate event written (or about to be) for a group, if any. */
  aggregate(slot: number): Event | undefined {
    return this.aggregates[slot];
  }

  /** Count one more event into a group's aggregate event; the new count. */
  repeat(slot: number): number {
    return ++this.counts[slot];
  }

  /** Remember the aggregate event of a group (a first one has count 1; a stored copy keeps the count). */
  keep(slot: number, event: Event): void {
    if (this.aggregates[slot] === undefined) this.counts[slot] = 1;
    this.aggregates[slot] = event;
  }

  protected override holds(at: number, id: EventIdentity): boolean {
    const k = this.ids[at];
    return (
      k.uid === id.uid &&
      k.name === id.name &&
      k.reason === id.reason &&
      k.namespace === id.namespace &&
      k.kind === id.kind &&
      k.type === id.type &&
      k.apiVersion === id.apiVersion
    );
  }

  private restart(slot: number, message: string, at: number): void {
    this.lastAt[slot] = at;
    this.first[slot] = message;
    this.more[slot] = undefined;
  }
}
