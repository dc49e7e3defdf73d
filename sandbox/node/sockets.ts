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

/** One listening socket. */
export interface Listener {
  netns: number;
  port: number;
  proto: Proto;
  pid: number;
  handler: SocketHandler;
}

/** Keep the node's listening sockets, keyed by net namespace, protocol and port. */
export class SocketTable {
  private readonly listeners = new Map<string, Listener>();

  private static key(netns: number, proto: Proto, port: number): string {
    return `${netns}/${proto}/${port}`;
  }

  /** Bind a port; throws the text a real bind() failure gives if it is taken. */
  listen(l: Listener): void {
    const k = SocketTable.key(l.netns, l.proto, l.port);
    if (this.listeners.has(k)) throw new Error(`bind: address already in use (port ${l.port})`);
    this.listeners.set(k, l);
  }

  /** Find who listens on a port in a net namespace. */
  lookup(netns: number, proto: Proto, port: number): Listener | undefined {
    return this.listeners.get(SocketTable.key(netns, proto, port));
  }

  /** Close every socket a process holds (it exited). */
  closeAll(pid: number): void {
    for (const [k, l] of this.listeners) if (l.pid === pid) this.listeners.delete(k);
  }

  /** List sockets, optionally in one net namespace, by port. */
  list(netns?: number): Listener[] {
    return [...this.listeners.values()]
      .filter((l) => netns === undefined || l.netns === netns)
      .sort((a, b) => a.port - b.port || (a.proto < b.proto ? -1 : 1));
  }
}
