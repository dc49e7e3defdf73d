// IPv4 address, mask and probability helpers shared by the iptables model, its printers and evaluator.
// Only IPv4 is modelled (the simulated cluster is single-stack IPv4, like a default kubeadm cluster).

/** The kernel's fixed-point scale for `-m statistic --probability` (2^31). */
export const PROBABILITY_SCALE = 0x80000000;

/** Parse a dotted quad into an unsigned 32-bit number, or undefined when it is not one. */
export function parseIPv4(text: string): number | undefined {
  // Scanned by hand (each packet and route lookup parses addresses): exactly four dot-separated runs
  // of one to three digits, each at most 255.
  let value = 0;
  let parts = 0;
  let i = 0;
  const n = text.length;
  while (parts < 4) {
    let octet = 0;
    let digits = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      if (++digits > 3) return undefined;
      octet = octet * 10 + c;
    }
    if (digits === 0 || octet > 255) return undefined;
    value = value * 256 + octet;
    parts++;
    if (i === n) break;
    if (text.charCodeAt(i) !== 46 || parts === 4) return undefined;
    i++;
  }
  return parts === 4 ? value >>> 0 : undefined;
}

/** Format an unsigned 32-bit number as a dotted quad. */
export function formatIPv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
}

/** Build the mask for a prefix length (0..32). */
export function maskFromPrefix(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Return the prefix length of a contiguous mask, or -1 for a non-contiguous one. */
export function prefixFromMask(mask: number): number {
  for (let prefix = 0; prefix <= 32; prefix++) {
    if (maskFromPrefix(prefix) === mask >>> 0) return prefix;
  }
  return -1;
}

/** An address with its mask, as iptables stores `-s`/`-d` (the address is already masked). */
export interface Cidr {
  addr: number;
  mask: number;
}

/** Parse `a.b.c.d`, `a.b.c.d/len` or `a.b.c.d/m.m.m.m`; undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf("/");
  const host = slash < 0 ? text : text.slice(0, slash);
  const maskText = slash < 0 ? undefined : text.slice(slash + 1);
  const addr = parseIPv4(host);
  if (addr === undefined) return undefined;
  let mask = 0xffffffff;
  if (maskText !== undefined) {
    if (/^\d{1,2}$/.test(maskText) && Number(maskText) <= 32) mask = maskFromPrefix(Number(maskText));
    else {
      const dotted = parseIPv4(maskText);
      if (dotted === undefined) return undefined;
      mask = dotted;
    }
  }
  // iptables keeps only the network part: `-s 10.244.1.5/16` is stored and printed as 10.244.0.0/16.
  return { addr: (addr & mask) >>> 0, mask: mask >>> 0 };
}

/** Report whether an address lies inside a masked network. */
export function cidrContains(cidr: Cidr, ip: number): boolean {
  return (ip & cidr.mask) >>> 0 === cidr.addr;
}

/** Format a mask suffix the way iptables-save does: `/len`, or `/a.b.c.d` when non-contiguous. */
export function saveMaskSuffix(mask: number): string {
  const prefix = prefixFromMask(mask);
  return prefix >= 0 ? `/${prefix}` : `/${formatIPv4(mask)}`;
}

/** Format a mask suffix the way `iptables -L` does: nothing for /32, else `/len` or `/a.b.c.d`. */
export function listMaskSuffix(mask: number): string {
  return mask >>> 0 === 0xffffffff ? "" : saveMaskSuffix(mask);
}

/** Quantise a probability the way the kernel stores it: round(p × 2^31). */
export function quantizeProbability(probability: number): number {
  return Math.round(probability * PROBABILITY_SCALE);
}

/** Print a stored probability as iptables 1.8.9 does: value ÷ 2^31 with 11 decimals. */
export function formatProbability(stored: number): string {
  return (stored / PROBABILITY_SCALE).toFixed(11);
}
