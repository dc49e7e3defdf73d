// Seeded randomness: every random choice in the cluster comes from one of these, so runs repeat exactly.

/** The alphabet apimachinery uses for generated name suffixes and hashes (no vowels, no 0/1/3). */
export const NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

const HEX = "0123456789abcdef";

/** A small, fast, seeded pseudo-random source (mulberry32). */
export class Random {
  private state: number;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new Error("Random: seed must be an integer");
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
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
    // The same draws as hex(32) then the variant, written straight into one flat string's codes.
    const codes = new Array<number>(36);
    for (let i = 0, at = 0; i < 32; i++, at++) {
      if (i === 8 || i === 12 || i === 16 || i === 20) codes[at++] = 45;
      codes[at] = HEX.charCodeAt(this.int(16));
    }
    codes[14] = 52; // "4"
    codes[19] = "89ab".charCodeAt(this.int(4));
    return String.fromCharCode(...codes);
  }

  /** A child source with its own stream, so one component's draws never shift another's. */
  fork(label: string): Random {
    let h = this.state ^ 0x9e3779b9;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
    return new Random(h >>> 0);
  }
}
