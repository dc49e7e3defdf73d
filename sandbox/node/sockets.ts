// Listening sockets per network namespace: what `ss -ltn` would show and where packets end up.

/** Transport protocol of a listening socket. */
export type Proto = "tcp" | "udp";

/** Facts a handler gets with each request. */
export interface RequestInfo {
  now: number;
  remoteIp: string;
}

/** Answer one request payload (for HTTP: the raw request text) with a response payload. */
export type SocketHandler = (payload: string, info: RequestInfo) => string;

/**
 * Where a socket is bound: an IPv4 address, `0.0.0.0` (IPv4 wildcard), `*` (the dual-stack IPv6 wildcard a
 * Go program gets for `:port` or `0.0.0.0:port`) or `[::]` (an IPV6_V6ONLY wildcard, as sshd opens).
 */
export type BindAddress = string;

/** One listening socket. */
export interface Listener {
  netns: number;
  port: number;
  proto: Proto;
  pid: number;
  handler: SocketHandler;
  /** The bound address; `*` when omitted. */
  addr?: BindAddress;
  /** The interface of SO_BINDTODEVICE, printed as `addr%dev` by ss. */
  dev?: string;
  /** The descriptor number in its process; the table numbers each process's sockets from 3 in bind order. */
  fd?: number;
  /** listen()'s backlog, ss's Send-Q for a listening TCP socket; Go asks for somaxconn, 4096 on 5.15. */
  backlog?: number;
}

/** The bound address of a listener, with the default filled in. */
export function bindAddress(l: Listener): BindAddress {
  return l.addr ?? "*";
}

/** Turn a Go listen host into the address ss shows: a wildcard becomes the dual-stack `*`. */
export function goBindAddress(host: string): string {
  const h = host.replace(/^\[|\]$/g, "");
  if (h === "" || h === "0.0.0.0" || h === "::") return "*";
  return h === "localhost" ? "127.0.0.1" : h;
}

/** Whether a bound address takes IPv4 connections to `ip`. */
function accepts(addr: BindAddress, ip: string): boolean {
  return addr === "*" || addr === "0.0.0.0" || addr === ip;
}

// Two binds of one port clash unless both name different addresses (or one is v6-only, the other IPv4).
function clashes(a: BindAddress, b: BindAddress): boolean {
  if (a === b || a === "*" || b === "*") return true;
  if (a === "[::]" || b === "[::]") return false;
  return a === "0.0.0.0" || b === "0.0.0.0";
}

/** Keep the node's listening sockets, keyed by net namespace, protocol and port. */
export class SocketTable {
  private readonly ports = new Map<number | string, Listener[]>();
  // Per process: the highest descriptor it holds and the keys of its sockets, so binds and exits need no scan.
  // The keys are a short list (a process binds a socket or two), cheaper than a Set per process.
  private readonly held = new Map<number, { maxFd: number; keys: (number | string)[] }>();

  // A number for the usual integer netns and port (cheaper to build and hash); a string otherwise.
  private static key(netns: number, proto: Proto, port: number): number | string {
    if (
      Number.isSafeInteger(netns) &&
      netns >= 0 &&
      netns < 2 ** 35 &&
      Number.isInteger(port) &&
      port >= 0 &&
      port < 65536
    )
      return netns * 131072 + port * 2 + (proto === "udp" ? 1 : 0);
    return `${netns}/${proto}/${port}`;
  }

  /** Bind a port; throws the text a real bind() failure gives if it is taken. */
  listen(l: Listener): void {
    const k = SocketTable.key(l.netns, l.proto, l.port);
    const bound = this.ports.get(k) ?? [];
    if (bound.some((o) => clashes(bindAddress(o), bindAddress(l))))
      throw new Error(`bind: address already in use (port ${l.port})`);
    let mine = this.held.get(l.pid);
    const fd = l.fd ?? Math.max(2, mine?.maxFd ?? 2) + 1;
    // concat, not a spread or push: exact-size lists (a spread keeps room for 20, a push for 17).
    this.ports.set(k, bound.concat([{ ...l, fd }]));
    if (!mine) {
      mine = { maxFd: fd, keys: [] };
      this.held.set(l.pid, mine);
    }
    mine.maxFd = Math.max(mine.maxFd, fd);
    if (!mine.keys.includes(k)) mine.keys = mine.keys.concat([k]);
  }

  /**
   * Find who takes a connection to a port in a net namespace: the socket bound to `dst` itself, else a
   * wildcard one, as the kernel picks; without `dst`, any socket on the port.
   */
  lookup(netns: number, proto: Proto, port: number, dst?: string): Listener | undefined {
    const bound = this.ports.get(SocketTable.key(netns, proto, port));
    if (!bound) return undefined;
    if (dst === undefined || bound.length === 0) return bound[0];
    for (const l of bound) if (bindAddress(l) === dst) return l;
    for (const l of bound) if (accepts(bindAddress(l), dst)) return l;
    return undefined;
  }

  /** Close every socket a process holds (it exited). */
  closeAll(pid: number): void {
    const mine = this.held.get(pid);
    if (!mine) return;
    this.held.delete(pid);
    for (const k of mine.keys) {
      const bound = this.ports.get(k);
      if (!bound) continue;
      const left = bound.filter((l) => l.pid !== pid);
      if (left.length) this.ports.set(k, left);
      else this.ports.delete(k);
    }
  }

  /** List sockets, optionally in one net namespace: UDP before TCP, IPv4 before IPv6, then by port, as ss dumps them. */
  list(netns?: number): Listener[] {
    const v6 = (l: Listener) => (bindAddress(l) === "*" || bindAddress(l).startsWith("[") ? 1 : 0);
    return [...this.ports.values()]
      .flat()
      .filter((l) => netns === undefined || l.netns === netns)
      .sort(
        (a, b) =>
          (a.proto === b.proto ? 0 : a.proto === "udp" ? -1 : 1) ||
          v6(a) - v6(b) ||
          a.port - b.port ||
          (bindAddress(a) < bindAddress(b) ? -1 : bindAddress(a) > bindAddress(b) ? 1 : 0),
      );
  }
}
