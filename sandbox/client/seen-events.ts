// The events a recorder has written, by what they say: client-go's correlator cache.
// An entry is the Event the recorder wrote (its identity is read back from it: the stored Event holds the
// same strings) and a 30-bit hash of that identity, rather than one long joined key or a copy of its fields.
import type { Event } from "../api/types.ts";

/** What makes two recorded events the same event. */
export interface EventIdentity {
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  fieldPath: string;
  reason: string;
  message: string;
}

interface Entry {
  // The Event written for the identity (its first version: later ones only change count and time).
  event: Event;
  hash: number;
  // The next entry with the same hash.
  next: Entry | undefined;
}

/** A bounded map from an event's identity to the Event written for it; the oldest goes first. */
export class SeenEvents {
  private readonly limit: number;
  private readonly byHash = new Map<number, Entry>();
  // Entries in insertion order, a ring from `oldest` once full.
  private readonly order: Entry[] = [];
  private oldest = 0;
  private count = 0;
  // The identity last looked up and its hash: a miss is followed by a `set` of the same identity.
  private lastId: EventIdentity | undefined = undefined;
  private lastHash = 0;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** The Event written for this identity, if remembered. */
  get(id: EventIdentity): Event | undefined {
    this.lastId = id;
    this.lastHash = hashOf(id);
    return this.find(id, this.lastHash)?.event;
  }

  /**
   * Remember the Event written for this identity (whose involved object, reason and message are the
   * identity's), forgetting the oldest identity first when full.
   */
  set(id: EventIdentity, event: Event): void {
    if (this.count >= this.limit) {
      this.remove(this.order[this.oldest]);
      this.oldest = (this.oldest + 1) % this.limit;
    }
    const hash = id === this.lastId ? this.lastHash : hashOf(id);
    const found = this.find(id, hash);
    if (found) {
      found.event = event;
      return;
    }
    const e: Entry = { event, hash, next: this.byHash.get(hash) };
    this.byHash.set(hash, e);
    this.order[(this.oldest + this.count) % this.limit] = e;
    this.count++;
  }

  private find(id: EventIdentity, hash: number): Entry | undefined {
    for (let e = this.byHash.get(hash); e !== undefined; e = e.next) {
      const ev = e.event;
      const o = ev.involvedObject;
      // The recorder writes an identity's "" fields as absent ones (and its namespace as the Event's).
      if (
        (ev.message ?? "") === id.message &&
        (o.uid ?? "") === id.uid &&
        (o.name ?? "") === id.name &&
        (ev.reason ?? "") === id.reason &&
        (o.fieldPath ?? "") === id.fieldPath &&
        (ev.metadata.namespace ?? "") === id.namespace &&
        (o.kind ?? "") === id.kind
      )
        return e;
    }
    return undefined;
  }

  private remove(e: Entry): void {
    this.count--;
    const head = this.byHash.get(e.hash);
    if (head === e) {
      if (e.next === undefined) this.byHash.delete(e.hash);
      else this.byHash.set(e.hash, e.next);
      return;
    }
    for (let p = head; p !== undefined; p = p.next)
      if (p.next === e) {
        p.next = e.next;
        return;
      }
  }
}

// FNV-1a over every field, a separator after each, kept within a small integer.
function hashOf(id: EventIdentity): number {
  let h = 0x811c9dc5;
  h = mix(h, id.kind);
  h = mix(h, id.namespace);
  h = mix(h, id.name);
  h = mix(h, id.uid);
  h = mix(h, id.fieldPath);
  h = mix(h, id.reason);
  h = mix(h, id.message);
  return h & 0x3fffffff;
}

function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0xffff, 0x01000193);
}
