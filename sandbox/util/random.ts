// Seeded randomness: every random choice in the cluster comes from one of these, so runs repeat exactly.

/** The alphabet apimachinery uses for generated name suffixes and hashes (no vowels, no 0/1/3). */
export const NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

const HEX = "0123456789abcdef";
const VARIANT = "89ab";
// Scratch codes of one UUID; the dashes stay in place between calls.
const UUID_CODES: number[] = Array.from("xxxxxxxx-xxxx-4xxx-xxxx-xxxxxxxxxxxx", (c) => c.charCodeAt(0));

/** A small, fast, seeded pseudo-random source (mulberry32). */
export class Random {
  // In a typed array: a field holding numbers of 2^30 and up (most states) would box each new value.
  private readonly cell = new Uint32Array(1);

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new Error("Random: seed must be an integer");
    this.cell[0] = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.cell[0] + 0x6d2b79f5) >>> 0;
    this.cell[0] = t;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    // next() inlined: a float returned from a call that is not inlined is boxed on the heap.
    let t = (this.cell[0] + 0x6d2b79f5) >>> 0;
    this.cell[0] = t;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  }

  /** Whether `int(n)` would be 0, from the same one draw (a reservoir's tie-break), without the float. */
  oneIn(n: number): boolean {
    let t = (this.cell[0] + 0x6d2b79f5) >>> 0;
    this.cell[0] = t;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    // floor(x / 2^32 * n) is 0 exactly when x * n < 2^32: both products are exact below 2^53 (n < 2^21).
    return ((t ^ (t >>> 14)) >>> 0) * n < 4294967296;
  }

  /** A string of `length` characters drawn from `alphabet`. */
  string(length: number, alphabet: string = NAME_ALPHABET): string {
    // One flat string: appending a character at a time would keep a rope of `length` pieces alive.
    const codes = new Array<number>(length);
    for (let i = 0; i < length; i++) codes[i] = alphabet.charCodeAt(this.int(alphabet.length));
    return String.fromCharCode(...codes);
  }

  /** `length` lower-case hex digits. */
  hex(length: number): string {
    return this.string(length, "0123456789abcdef");
  }

  /** A version-4 UUID, as the API server assigns to metadata.uid. */
  uuid(): string {
    // The same draws as hex(32) then the variant (next() inlined), written into one scratch array of codes.
    const codes = UUID_CODES;
    let state = this.cell[0];
    for (let i = 0, at = 0; i < 33; i++, at++) {
      if (i === 8 || i === 12 || i === 16 || i === 20) at++;
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      if (i < 32) codes[at] = HEX.charCodeAt(Math.floor(u * 16));
      else codes[19] = VARIANT.charCodeAt(Math.floor(u * 4));
    }
    this.cell[0] = state;
    codes[14] = 52; // "4"
    return String.fromCharCode.apply(null, codes);
  }

  /** A child source with its own stream, so one component's draws never shift another's. */
  fork(label: string): Random {
    let h = this.cell[0] ^ 0x9e3779b9;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
    return new Random(h >>> 0);
  }
}
