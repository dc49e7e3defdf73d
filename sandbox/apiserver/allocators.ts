// ClusterIP and NodePort allocation, as the Service REST storage does it.
// Both split their range: a small lower band is kept for addresses users ask for by value, and dynamic
// allocations pick at random from the rest (KEP-3070 / KEP-3668), so they rarely collide with chosen ones.
import type { Random } from "../util/random.ts";

/** Parse dotted IPv4 to a number, or undefined when it is not an IPv4 address. */
export function ipToNumber(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

/** Format a number as dotted IPv4. */
export function numberToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

/** Parse `a.b.c.d/len` into base and size. */
export function parseCidr(cidr: string): { base: number; size: number; bits: number } {
  const [ip, len] = cidr.split("/");
  const bits = Number(len);
  const base = ipToNumber(ip);
  if (base === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32)
    throw new Error(`invalid CIDR ${cidr}`);
  const size = 2 ** (32 - bits);
  return { base: base - (base % size), size, bits };
}

/** Allocates Service cluster IPs from the service CIDR. */
export class ClusterIPAllocator {
  private readonly base: number;
  private readonly size: number;
  private readonly staticBand: number;
  private readonly used = new Set<number>();
  readonly cidr: string;
  private readonly random: Random;

  constructor(cidr: string, random: Random) {
    const { base, size } = parseCidr(cidr);
    this.cidr = cidr;
    this.base = base;
    this.size = size;
    this.staticBand = Math.min(Math.max(16, Math.floor(size / 16)), 256);
    this.random = random;
  }

  /** Whether an IP lies in the allocatable range (network and broadcast addresses excluded). */
  contains(ip: string): boolean {
    const n = ipToNumber(ip);
    return n !== undefined && n > this.base && n < this.base + this.size - 1;
  }

  /** Reserve a specific IP; returns false when it is taken. */
  allocate(ip: string): boolean {
    const n = ipToNumber(ip)!;
    if (this.used.has(n)) return false;
    this.used.add(n);
    return true;
  }

  /** Pick a free IP from the dynamic band (falling back to the static band when full). */
  allocateNext(): string | undefined {
    const lo = this.base + this.staticBand;
    const span = this.size - 1 - this.staticBand;
    for (let tries = 0; tries < 64; tries++) {
      const n = lo + this.random.int(span);
      if (!this.used.has(n)) {
        this.used.add(n);
        return numberToIp(n);
      }
    }
    for (let n = this.base + 1; n < this.base + this.size - 1; n++) {
      if (!this.used.has(n)) {
        this.used.add(n);
        return numberToIp(n);
      }
    }
    return undefined;
  }

  /** Return an IP to the pool. */
  release(ip: string): void {
    const n = ipToNumber(ip);
    if (n !== undefined) this.used.delete(n);
  }
}

/** Allocates NodePorts from 30000-32767. */
export class NodePortAllocator {
  readonly min: number;
  readonly max: number;
  private readonly staticBand: number;
  private readonly used = new Set<number>();
  private readonly random: Random;

  constructor(range: string, random: Random) {
    const [a, b] = range.split("-").map(Number);
    this.min = a;
    this.max = b;
    const size = b - a + 1;
    this.staticBand = Math.min(Math.max(16, Math.floor(size / 32)), 128);
    this.random = random;
  }

  /** The range as the API server prints it: `30000-32767`. */
  get range(): string {
    return `${this.min}-${this.max}`;
  }

  /** Whether a port is inside the range. */
  contains(port: number): boolean {
    return port >= this.min && port <= this.max;
  }

  /** Whether a port is already taken. */
  isUsed(port: number): boolean {
    return this.used.has(port);
  }

  /** Reserve a specific port; returns false when it is taken. */
  allocate(port: number): boolean {
    if (this.used.has(port)) return false;
    this.used.add(port);
    return true;
  }

  /** Pick a free port, preferring the dynamic band. */
  allocateNext(): number | undefined {
    const lo = this.min + this.staticBand;
    const span = this.max - lo + 1;
    for (let tries = 0; tries < 64; tries++) {
      const p = lo + this.random.int(span);
      if (!this.used.has(p)) {
        this.used.add(p);
        return p;
      }
    }
    for (let p = this.min; p <= this.max; p++) if (this.allocate(p)) return p;
    return undefined;
  }

  /** Return a port to the pool. */
  release(port: number): void {
    this.used.delete(port);
  }
}
