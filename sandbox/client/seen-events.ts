// The events a recorder has written, by what they say: client-go's correlator cache.
// Entries hold the strings of the event itself (shared with the stored Event) and a 30-bit hash of them,
// rather than one long joined key per event, which cost several times the memory.

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

interface Entry extends EventIdentity {
  hash: number;
  // The written Event's name.
  eventName: string;
  // The next entry with the same hash.
  next: Entry | undefined;
}

/** An identity already shaped as the map keeps its entries, so that `set` keeps it rather than a copy. */
export function eventIdentity(
  kind: string,
  namespace: string,
  name: string,
  uid: string,
  fieldPath: string,
  reason: string,
  message: string,
): EventIdentity {
  const e: Entry = {
    kind,
    namespace,
    name,
    uid,
    fieldPath,
    reason,
    message,
    hash: 0,
    eventName: "",
    next: undefined,
  };
  return e;
}

/** A bounded map from an event's identity to the name of the Event written for it; the oldest goes first. */
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

  /** The name of the Event written for this identity, if remembered. */
  get(id: EventIdentity): string | undefined {
    this.lastId = id;
    this.lastHash = hashOf(id);
    return this.find(id, this.lastHash)?.eventName;
  }

  /** Remember the Event written for this identity, forgetting the oldest identity first when full. */
  set(id: EventIdentity, eventName: string): void {
    if (this.count >= this.limit) {
      this.remove(this.order[this.oldest]);
      this.oldest = (this.oldest + 1) % this.limit;
    }
    const hash = id === this.lastId ? this.lastHash : hashOf(id);
    const found = this.find(id, hash);
    if (found) {
      found.eventName = eventName;
      return;
    }
    // An identity from eventIdentity is kept as it is (its maker lets go of it); any other is copied.
    const own = id as Entry;
    if (own.eventName === "") {
      own.hash = hash;
      own.eventName = eventName;
      own.next = this.byHash.get(hash);
      this.add(own);
      return;
    }
    this.add({
      kind: id.kind,
      namespace: id.namespace,
      name: id.name,
      uid: id.uid,
      fieldPath: id.fieldPath,
      reason: id.reason,
      message: id.message,
      hash,
      eventName,
      next: this.byHash.get(hash),
    });
  }

  private add(e: Entry): void {
    this.byHash.set(e.hash, e);
    this.order[(this.oldest + this.count) % this.limit] = e;
    this.count++;
  }

  private find(id: EventIdentity, hash: number): Entry | undefined {
    for (let e = this.byHash.get(hash); e !== undefined; e = e.next)
      if (
        e.message === id.message &&
        e.uid === id.uid &&
        e.name === id.name &&
        e.reason === id.reason &&
        e.fieldPath === id.fieldPath &&
        e.namespace === id.namespace &&
        e.kind === id.kind
      )
        return e;
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
