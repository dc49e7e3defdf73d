// The events an events.k8s.io/v1 recorder remembers (tools/events' eventCache), by what makes two events
// isomorphic: type, action, reason and the reference, resourceVersion included (the reporting controller
// and instance are the recorder's own). An entry is the Event first written for a key, read back for its
// key rather than kept with a joined string of it, and when and how often the key has been observed.
import type { Event, KubeObject } from "../api/types.ts";
import { HASH_SEED, mix, RingTable, small } from "./ring-table.ts";

// client-go's cache is a map that only the periodic checks empty: no bound of its own.
const UNBOUNDED = 2 ** 30;

/** Hash the key of an event about `regarding` with `reason` (its type and action go with the reason). */
export function seriesHash(regarding: KubeObject, reason: string): number {
  const m = regarding.metadata;
  return small(mix(mix(mix(mix(HASH_SEED, m.name ?? ""), m.uid ?? ""), m.resourceVersion ?? ""), reason));
}

/** Remembered events in the order first observed; entries leave through `sweep` or `clear`. */
export class SeriesCache extends RingTable<KubeObject> {
  private readonly events: (Event | undefined)[] = [];
  private readonly firstAt: number[] = [];
  private readonly lastAt: number[] = [];
  private readonly counts: number[] = [];
  // The rest of the key being looked up (the object referred to is lookup's key).
  private type = "";
  private action = "";
  private reason = "";

  constructor() {
    super(UNBOUNDED);
  }

  /** The slot of the event remembered for this key (`hash` is its seriesHash), or -1. */
  find(regarding: KubeObject, type: string, action: string, reason: string, hash: number): number {
    this.type = type;
    this.action = action;
    this.reason = reason;
    return this.lookup(regarding, hash);
  }

  /** Remember the Event written for a key absent from the cache, first observed at `at` (ms); its slot. */
  add(hash: number, event: Event, at: number): number {
    const slot = this.claim(hash);
    this.events[slot] = event;
    this.firstAt[slot] = at;
    this.lastAt[slot] = at;
    this.counts[slot] = 1;
    return slot;
  }

  /** Count one more observation, at `at` (ms), of the event in a slot; the new count. */
  observe(slot: number, at: number): number {
    this.lastAt[slot] = at;
    return ++this.counts[slot];
  }

  /** The Event first written for the key in a slot. */
  event(slot: number): Event {
    return this.events[slot]!;
  }

  /** How often the key in a slot has been observed. */
  count(slot: number): number {
    return this.counts[slot];
  }

  /** When the key in a slot was first observed (ms). */
  first(slot: number): number {
    return this.firstAt[slot];
  }

  /** When the key in a slot was last observed (ms). */
  last(slot: number): number {
    return this.lastAt[slot];
  }

  /** Call `f` with each slot, oldest first. */
  forEach(f: (slot: number) => void): void {
    for (let k = 0; k < this.size; k++) f(this.slotOf(k));
  }

  /** Ask `keep` about each slot, oldest first, and forget the entries it refuses. */
  sweep(keep: (slot: number) => boolean): void {
    this.retain(keep);
    // Never full, the ring never wraps: its entries fill the first slots, and the arrays can end there.
    const n = this.size;
    this.events.length = n;
    this.firstAt.length = n;
    this.lastAt.length = n;
    this.counts.length = n;
  }

  /** Forget every entry. */
  clear(): void {
    this.forgetAll();
    this.events.length = 0;
    this.firstAt.length = 0;
    this.lastAt.length = 0;
    this.counts.length = 0;
  }

  protected override holds(slot: number, regarding: KubeObject): boolean {
    const ev = this.events[slot]!;
    const o = ev.involvedObject;
    const m = regarding.metadata;
    // As a key joined from the fields would compare them: an absent field is an empty one.
    return (
      (o.uid ?? "") === (m.uid ?? "") &&
      (o.resourceVersion ?? "") === (m.resourceVersion ?? "") &&
      (o.name ?? "") === (m.name ?? "") &&
      ev.reason === this.reason &&
      ev.action === this.action &&
      ev.type === this.type &&
      (o.namespace ?? "") === (m.namespace ?? "") &&
      (o.kind ?? "") === (regarding.kind ?? "") &&
      (o.apiVersion ?? "") === (regarding.apiVersion ?? "")
    );
  }

  protected override move(from: number, to: number): void {
    this.events[to] = this.events[from];
    this.firstAt[to] = this.firstAt[from];
    this.lastAt[to] = this.lastAt[from];
    this.counts[to] = this.counts[from];
  }

  protected override vacate(slot: number): void {
    this.events[slot] = undefined;
  }
}
