// The bounded maps behind an event recorder's caches (client-go keeps each in an LRU of 4096 entries), and
// behind the series recorder's cache, whose periodic check sweeps entries out in place.
// Entries live in ring positions ("slots") in insertion order and are found through an open-addressing
// index of small hashes; a subclass keeps each slot's key and values in its own arrays and says when a
// slot holds a key. No object per entry: a kubelet's recorder keeps thousands.

/** A bounded map in insertion order whose oldest entry goes first when full. */
export class RingTable<K> {
  protected readonly limit: number;
  private hashes = new Int32Array(8);
  private oldest = 0;
  private filled = 0;
  // Ring positions plus one, by hash with linear probing; 0 is an empty slot.
  private table = new Int32Array(16);

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`table limit ${limit} is not a positive integer`);
    this.limit = limit;
  }

  /** How many entries the table holds. */
  get size(): number {
    return this.filled;
  }

  /** Whether the entry in `slot` is the one for `key` (the hashes already agree). Subclasses say. */
  protected holds(_slot: number, _key: K): boolean {
    throw new Error("RingTable.holds is not implemented");
  }

  /** The slot of `key`, or -1. */
  protected lookup(key: K, hash: number): number {
    const table = this.table;
    const mask = table.length - 1;
    for (let i = hash & mask; table[i] !== 0; i = (i + 1) & mask) {
      const at = table[i] - 1;
      if (this.hashes[at] === hash && this.holds(at, key)) return at;
    }
    return -1;
  }

  /**
   * A slot for a key not in the table, forgetting the oldest entry first when full. The caller fills
   * the slot's values (a reused slot still holds the forgotten entry's).
   */
  protected claim(hash: number): number {
    if (this.filled >= this.limit) {
      this.unindex(this.oldest);
      this.oldest = (this.oldest + 1) % this.limit;
      this.filled--;
    }
    const at = (this.oldest + this.filled) % this.limit;
    if (at >= this.hashes.length) {
      const grown = new Int32Array(Math.min(this.limit, this.hashes.length * 2));
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[at] = hash;
    this.filled++;
    if (this.filled * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.index(at);
    return at;
  }

  /** The slot of the `k`-th oldest entry (0 for the oldest). */
  protected slotOf(k: number): number {
    return (this.oldest + k) % this.limit;
  }

  /**
   * Forget every entry `keep` refuses, asked oldest first, and close up the rest in their order: `move`
   * carries a kept entry's values to an earlier slot, and `vacate` lets go of the values of each slot
   * left unused at the end.
   */
  protected retain(keep: (slot: number) => boolean): void {
    const n = this.filled;
    let kept = 0;
    for (let k = 0; k < n; k++) {
      const from = this.slotOf(k);
      if (!keep(from)) continue;
      // Writes trail reads round the ring, so a slot is moved out of before it is written over.
      const to = this.slotOf(kept++);
      if (to === from) continue;
      this.hashes[to] = this.hashes[from];
      this.move(from, to);
    }
    if (kept === n) return;
    for (let k = kept; k < n; k++) this.vacate(this.slotOf(k));
    this.filled = kept;
    // The index shrinks with the entries (it grows back as they do).
    let size = 16;
    while (size < kept * 2) size *= 2;
    this.rehash(size);
  }

  /** Carry the values of the entry in slot `from` to slot `to`. Subclasses that call retain say how. */
  protected move(_from: number, _to: number): void {
    throw new Error("RingTable.move is not implemented");
  }

  /** Let go of the values left in a slot no entry uses. Subclasses that call retain say how. */
  protected vacate(_slot: number): void {
    throw new Error("RingTable.vacate is not implemented");
  }

  /** Forget every entry; the subclass lets go of its values. */
  protected forgetAll(): void {
    this.oldest = 0;
    this.filled = 0;
    this.hashes = new Int32Array(8);
    this.table = new Int32Array(16);
  }

  private index(at: number): void {
    const table = this.table;
    const mask = table.length - 1;
    let i = this.hashes[at] & mask;
    while (table[i] !== 0) i = (i + 1) & mask;
    table[i] = at + 1;
  }

  // Take a ring position out of the index, moving later entries of its probe run back into the gap.
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
    for (let k = 0; k < this.filled; k++) this.index((this.oldest + k) % this.limit);
  }
}

/** The FNV-1a offset basis: the hash of nothing, to mix fields into. */
export const HASH_SEED = 0x811c9dc5;

/**
 * Mix a string into an FNV-1a hash: its length and at most its first 8 and last 16 characters. A hash
 * only spreads keys over the index (`holds` compares in full), and walking every character of each
 * message, uid and name cost more than the whole lookup.
 */
export function mix(h: number, s: string): number {
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

/** Keep a hash within a small (non-negative, 30-bit) integer. */
export function small(h: number): number {
  return h & 0x3fffffff;
}
