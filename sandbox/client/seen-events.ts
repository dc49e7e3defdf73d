// The events a recorder has observed, by what they say: client-go's eventLogger, which turns a repeat of
// an event into one more count on the Event first written for it.
// An entry is the Event written (or about to be written) for an identity and how often it was observed;
// the identity is read back from that Event (it holds the same strings) rather than kept as a copy.
import type { Event, ObjectReference } from "../api/types.ts";
import { HASH_SEED, mix, RingTable, small } from "./ring-table.ts";

/** What makes two recorded events the same event (client-go's event key, less the recorder's source). */
export interface EventIdentity {
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  apiVersion: string;
  fieldPath: string;
  type: string;
  reason: string;
  message: string;
}

/**
 * What a table keeps to name an event's object: an identity, or the reference the recorder's events keep to
 * it (one object for all of them), whose absent fields are an identity's "" fields and whose absent or empty
 * namespace is an identity's "default".
 */
export type ObjectKey = Pick<ObjectReference, "kind" | "namespace" | "name" | "uid" | "apiVersion">;

/** Whether a kept key names the object of an identity (whose namespace, as the recorder's, is never ""). */
export function namesObject(k: ObjectKey, id: EventIdentity): boolean {
  return (
    (k.uid ?? "") === id.uid &&
    (k.name ?? "") === id.name &&
    (k.namespace || "default") === id.namespace &&
    (k.kind ?? "") === id.kind &&
    (k.apiVersion ?? "") === id.apiVersion
  );
}

/** Hash the involved object of an identity: the start of every key the recorder's tables use. */
export function objectHash(id: EventIdentity): number {
  return mix(mix(mix(mix(HASH_SEED, id.kind), id.namespace), id.name), id.uid);
}

/** Hash a whole identity, from its object's hash. */
export function eventHash(id: EventIdentity, objHash: number): number {
  return small(mix(mix(mix(objHash, id.fieldPath), id.reason), id.message));
}

/** A bounded map from an event's identity to the Event written for it and its count; the oldest goes first. */
export class SeenEvents extends RingTable<EventIdentity> {
  private readonly events: Event[] = [];
  private readonly counts: number[] = [];

  /** The slot of the event observed with this identity (`hash` is its eventHash), or -1. */
  find(id: EventIdentity, hash: number): number {
    return this.lookup(id, hash);
  }

  /** The Event remembered in a slot. */
  event(slot: number): Event {
    return this.events[slot];
  }

  /** How many times the event in a slot was observed. */
  count(slot: number): number {
    return this.counts[slot];
  }

  /** Count one more observation of the event in a slot; the new count. */
  repeat(slot: number): number {
    return ++this.counts[slot];
  }

  /**
   * Remember the first observation of an event (its identity absent from the table, `hash` its eventHash)
   * and the Event built for it, which holds the identity; its slot.
   */
  add(hash: number, event: Event): number {
    const at = this.claim(hash);
    this.events[at] = event;
    this.counts[at] = 1;
    return at;
  }

  /** Remember a newer copy of the same Event (the stored one) in a slot. */
  keep(slot: number, event: Event): void {
    this.events[slot] = event;
  }

  protected override holds(at: number, id: EventIdentity): boolean {
    const ev = this.events[at];
    const o = ev.involvedObject;
    // The recorder writes an identity's "" fields as absent ones (and its namespace as the Event's).
    return (
      (ev.message ?? "") === id.message &&
      (o.uid ?? "") === id.uid &&
      (o.name ?? "") === id.name &&
      (ev.reason ?? "") === id.reason &&
      (o.fieldPath ?? "") === id.fieldPath &&
      (ev.metadata.namespace ?? "") === id.namespace &&
      (o.kind ?? "") === id.kind &&
      (ev.type ?? "") === id.type &&
      (o.apiVersion ?? "") === id.apiVersion
    );
  }
}
