// The events a recorder has written, by what they say: client-go's correlator cache.
// An entry is the Event the recorder wrote (its identity is read back from it: the stored Event holds the
// same strings) and a 30-bit hash of that identity (of each field's ends), rather than one long joined key
// or a copy of its fields.
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

/** A bounded map from an event's identity to the Event written for it; the oldest goes first. */
export class SeenEvents {
  private readonly limit: number;
  // The remembered Events and their identities' hashes in insertion order, a ring from `oldest` once full.
  // No object per entry: a kubelet's recorder keeps one per event it has written.
  private readonly events: Event[] = [];
  private hashes = new Int32Array(8);
  private oldest = 0;
  private count = 0;
  // An open-addressing table (linear probing) of ring positions plus one; 0 is an empty slot.
  private table = new Int32Array(16);
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
    const at = this.find(id, this.lastHash);
    return at < 0 ? undefined : this.events[at];
  }

  /**
   * Remember the Event written for this identity (whose involved object, reason and message are the
   * identity's), forgetting the oldest identity first when full.
   */
  set(id: EventIdentity, event: Event): void {
    if (this.count >= this.limit) {
      this.unindex(this.oldest);
      this.oldest = (this.oldest + 1) % this.limit;
      this.count--;
    }
    const hash = id === this.lastId ? this.lastHash : hashOf(id);
    const found = this.find(id, hash);
    if (found >= 0) {
      this.events[found] = event;
      return;
    }
    const at = (this.oldest + this.count) % this.limit;
    if (at >= this.hashes.length) {
      const grown = new Int32Array(Math.min(this.limit, this.hashes.length * 2));
      grown.set(this.hashes);
      this.hashes = grown;
    }
    // Positions are first filled in order (`at` is then the length), later reused round the ring.
    this.events[at] = event;
    this.hashes[at] = hash;
    this.count++;
    if (this.count * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.index(at);
  }

  // The ring position of the identity's Event, or -1.
  private find(id: EventIdentity, hash: number): number {
    const table = this.table;
    const mask = table.length - 1;
    for (let i = hash & mask; table[i] !== 0; i = (i + 1) & mask) {
      const at = table[i] - 1;
      if (this.hashes[at] !== hash) continue;
      const ev = this.events[at];
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
        return at;
    }
    return -1;
  }

  private index(at: number): void {
    const table = this.table;
    const mask = table.length - 1;
    let i = this.hashes[at] & mask;
    while (table[i] !== 0) i = (i + 1) & mask;
    table[i] = at + 1;
  }

  // Take a ring position out of the table, moving later entries of its probe run back into the gap.
  private unindex(at: number): void {
    const table = this.table;
    const mask = table.length - 1;
    let gap = this.hashes[at] & mask;
    while (table[gap] !== at + 1) gap = (gap + 1) & mask;
    for (let j = (gap + 1) & mask; table[j] !== 0; j = (j + 1) & mask) {
      const home = this.hashes[table[j] - 1] & mask;
      // The entry at j stays when its home lies cyclically within (gap, j]: the gap would hide it.
      const stays = gap <= j ? home > gap && home <= j : home > gap || home <= j;
      if (stays) continue;
      table[gap] = table[j];
      gap = j;
    }
    table[gap] = 0;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    for (let k = 0; k < this.count; k++) this.index((this.oldest + k) % this.limit);
  }
}

// FNV-1a over each field's length and at most its first 8 and last 16 characters, kept within a small
// integer: a hash only spreads identities over the table (find compares every field in full), and walking
// every character of each message, uid and name cost more than the whole lookup.
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
  const n = s.length;
  h = Math.imul(h ^ n, 0x01000193);
  if (n <= 24) {
    for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h;
  }
  for (let i = 0; i < 8; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  for (let i = n - 16; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
