// One network namespace's links, addresses and routes: what `ip addr|link|route` prints and what routing reads.
import { cidrContains, parseCidr, parseIPv4 } from "../node/iptables/addr.ts";

/** The link types the model knows. */
export type LinkKind = "loopback" | "ether" | "bridge" | "veth" | "vxlan";

/** One IPv4 address on a link. */
export interface LinkAddr {
  ip: string;
  prefix: number;
  /** Broadcast address, printed as `brd` (absent on /32 and loopback). */
  brd?: string;
  scope: "host" | "global";
}

/** One network interface. */
export interface Link {
  index: number;
  name: string;
  kind: LinkKind;
  mtu: number;
  mac: string;
  addrs: LinkAddr[];
  /** The bridge this link is enslaved to. */
  master?: string;
  /** For a veth: the peer's ifindex and where it lives (`link-netns <name>` or `link-netnsid <id>`). */
  peer?: { index: number; netns?: string; nsid?: number };
  altname?: string;
  qdisc: "noqueue" | "fq_codel";
  qlen?: number;
  /** `UNKNOWN` for lo and vxlan, `UP` otherwise. */
  state: "UP" | "UNKNOWN" | "DOWN";
}

/** Every network namespace's loopback, ifindex 1; shared and frozen, as links are never changed in place. */
export const LOOPBACK: Link = Object.freeze<Link>({
  index: 1,
  name: "lo",
  kind: "loopback",
  mtu: 65536,
  mac: "00:00:00:00:00:00",
  addrs: [{ ip: "127.0.0.1", prefix: 8, scope: "host" }],
  qdisc: "noqueue",
  qlen: 1000,
  state: "UNKNOWN",
});

/** One route in the main table. */
export interface Route {
  /** `default` or `a.b.c.d/len`. */
  dst: string;
  via?: string;
  dev: string;
  proto?: "kernel" | "dhcp" | "static";
  scope?: "link" | "host";
  src?: string;
  metric?: number;
  onlink?: boolean;
}

/** The links and routes of one net namespace. */
export class NetStack {
  readonly inode: number;
  private linkList: Link[] = [];
  private routeList: Route[] = [];
  // The destinations as bits by interned id, made once the table is long enough that a scan costs more (host
  // tables with a route per flannel lease); most pod tables hold three routes and never need it. Bits, not a
  // Set of strings: every node's table holds every lease, and a Set cost ~20 bytes a route.
  private routeDsts: DstBits | undefined;
  private nextIndex = 1;
  // Every address on the links, rebuilt after a link comes or goes (addresses are never changed in place).
  private addrCache: string[] | undefined;

  constructor(inode: number) {
    this.inode = inode;
  }

  /** The links by ifindex; change them only through addLink/removeLink. */
  get links(): Link[] {
    return this.linkList;
  }

  /** The routing table in insertion order; change it only through addRoute/removeRoute/removeLink. */
  get routes(): Route[] {
    return this.routeList;
  }

  /** Add a link with the next free ifindex (or a given one); a link that names its index is kept as given. */
  addLink(link: Omit<Link, "index"> & { index?: number }): Link {
    const index = link.index ?? this.nextIndex;
    this.nextIndex = Math.max(this.nextIndex, index + 1);
    // Links are never changed in place, so one with its index (a shared loopback) need not be copied.
    const full: Link = link.index === index ? (link as Link) : { ...link, index };
    this.addrCache = undefined;
    const last = this.links[this.links.length - 1];
    this.linkList = append(this.linkList, full);
    // Kept in index order; a link numbered after every other one is already in place (the sort is stable).
    if (last !== undefined && last.index > index) this.links.sort((a, b) => a.index - b.index);
    return full;
  }

  /** Remove a link and the routes through it. */
  removeLink(name: string): void {
    const i = this.links.findIndex((l) => l.name === name);
    if (i >= 0) this.links.splice(i, 1);
    this.addrCache = undefined;
    for (let r = this.routes.length - 1; r >= 0; r--)
      if (this.routes[r].dev === name) this.routeDsts?.clear(this.routes.splice(r, 1)[0].dst);
  }

  /** Find a link by name. */
  link(name: string): Link | undefined {
    return this.links.find((l) => l.name === name);
  }

  /** Add a route unless an identical destination is already present. */
  addRoute(route: Route): void {
    if (this.hasRoute(route.dst)) return;
    this.routeDsts?.add(route.dst);
    this.routeList = append(this.routeList, route);
  }

  /** Whether a route to exactly this destination exists. */
  hasRoute(dst: string): boolean {
    if (this.routeDsts !== undefined) return this.routeDsts.has(dst);
    const routes = this.routes;
    for (let i = 0; i < routes.length; i++) if (routes[i].dst === dst) return true;
    if (routes.length >= 16) this.routeDsts = DstBits.of(routes);
    return false;
  }

  /** Remove the route to `dst` through `dev`, if present. */
  removeRoute(dst: string, dev: string): void {
    const i = this.routes.findIndex((r) => r.dst === dst && r.dev === dev);
    if (i < 0) return;
    this.routes.splice(i, 1);
    this.routeDsts?.clear(dst);
  }

  /** Whether an address is configured on one of this namespace's links (or is loopback). */
  isLocal(ip: string): boolean {
    if (this.localAddresses().includes(ip)) return true;
    const n = parseIPv4(ip) ?? 0;
    return n >>> 24 === 127;
  }

  /** Every address on this namespace's links, as one shared list: read it, never change it. */
  localAddresses(): string[] {
    let cached = this.addrCache;
    if (cached === undefined) {
      cached = this.links.flatMap((l) => l.addrs.map((a) => a.ip));
      this.addrCache = cached;
    }
    return cached;
  }

  /** The address a connection from here uses as its source (the first global one). */
  primaryAddress(): string {
    return this.links.flatMap((l) => l.addrs).find((a) => a.scope === "global")?.ip ?? "127.0.0.1";
  }

  /** Look a destination up in the routing table: longest prefix wins, as the kernel's FIB does. */
  lookup(ip: string): Route | undefined {
    const n = parseIPv4(ip);
    if (n === undefined) return undefined;
    let best: Route | undefined;
    let bestLen = -1;
    for (const r of this.routes) {
      const { cidr, len } = routeDst(r.dst);
      if (!cidr || !cidrContains(cidr, n)) continue;
      if (len > bestLen) {
        best = r;
        bestLen = len;
      }
    }
    return best;
  }
}

// Route destinations by small id, shared by every table and cluster: the ids only answer membership, so the
// order they are handed out in shows nowhere. Destinations come from node and pod CIDRs, a bounded set.
// A pod's namespace has two links and three routes: a list grown by push keeps room for 17, so a short list
// is replaced by an exact-size copy instead (readers always read the current one).
function append<T>(list: T[], item: T): T[] {
  if (list.length >= 8) {
    list.push(item);
    return list;
  }
  return list.concat([item]);
}

const dstIds = new Map<string, number>();

function dstId(dst: string): number {
  let id = dstIds.get(dst);
  if (id === undefined) {
    id = dstIds.size;
    dstIds.set(dst, id);
  }
  return id;
}

// A set of destinations as one bit per interned id (a table's destinations are distinct: addRoute keeps one).
class DstBits {
  private words: Uint32Array;

  private constructor(size: number) {
    this.words = new Uint32Array(size);
  }

  static of(routes: readonly Route[]): DstBits {
    const bits = new DstBits(((dstIds.size + routes.length) >>> 5) + 1);
    for (const r of routes) bits.add(r.dst);
    return bits;
  }

  has(dst: string): boolean {
    const id = dstIds.get(dst);
    if (id === undefined || id >>> 5 >= this.words.length) return false;
    return (this.words[id >>> 5] & (1 << (id & 31))) !== 0;
  }

  add(dst: string): void {
    const id = dstId(dst);
    const w = id >>> 5;
    if (w >= this.words.length) {
      const grown = new Uint32Array(Math.max(w + 1, this.words.length * 2));
      grown.set(this.words);
      this.words = grown;
    }
    this.words[w] |= 1 << (id & 31);
  }

  clear(dst: string): void {
    const id = dstIds.get(dst);
    if (id !== undefined && id >>> 5 < this.words.length) this.words[id >>> 5] &= ~(1 << (id & 31));
  }
}

interface ParsedDst {
  cidr: ReturnType<typeof parseCidr>;
  len: number;
}

// Every packet looks routes up: parse each destination text once. Safe to share between clusters: the
// entry depends on the text alone and nobody changes it.
const parsedDsts = new Map<string, ParsedDst>();

function routeDst(dst: string): ParsedDst {
  let parsed = parsedDsts.get(dst);
  if (!parsed) {
    parsed =
      dst === "default"
        ? { cidr: parseCidr("0.0.0.0/0"), len: 0 }
        : { cidr: parseCidr(dst), len: Number(dst.split("/")[1]) };
    if (parsedDsts.size >= 10_000) parsedDsts.clear();
    parsedDsts.set(dst, parsed);
  }
  return parsed;
}
