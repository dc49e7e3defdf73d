// Named network namespaces: the nsfs bind mounts under /run/netns that `ip netns` lists.

/** One named net namespace. */
export interface NamedNetns {
  name: string;
  inode: number;
  /** The id the host netns gave this peer once a veth linked them; absent until then. */
  nsid?: number;
}

/** Keep the node's named net namespaces and the netnsids the host assigned to them. */
export class NetnsNames {
  private readonly byName = new Map<string, NamedNetns>();
  private order: string[] = [];
  private nextNsid = 0;

  /** Pin a net namespace under /run/netns/<name>. */
  add(name: string, inode: number): NamedNetns {
    if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new Error(`netns: invalid name ${JSON.stringify(name)}`);
    if (this.byName.has(name)) throw new Error(`netns: ${name} already exists`);
    const entry: NamedNetns = { name, inode };
    this.byName.set(name, entry);
    this.order.push(name);
    return entry;
  }

  /** Unpin a named net namespace; returns false if unknown. */
  remove(name: string): boolean {
    this.order = this.order.filter((n) => n !== name);
    return this.byName.delete(name);
  }

  /** Give a named namespace the next netnsid (the kernel does this when a veth peer is created). */
  assignNsid(name: string): number {
    const e = this.byName.get(name);
    if (!e) throw new Error(`netns: ${name} does not exist`);
    e.nsid ??= this.nextNsid++;
    return e.nsid;
  }

  /** Look up a named namespace. */
  get(name: string): NamedNetns | undefined {
    return this.byName.get(name);
  }

  /** Find the name pinned for an inode. */
  nameOf(inode: number): string | undefined {
    return [...this.byName.values()].find((e) => e.inode === inode)?.name;
  }

  /** List named namespaces, newest first. */
  list(): NamedNetns[] {
    // Real `ip netns list` follows readdir order of /run/netns; newest-first is the model's stable stand-in.
    return [...this.order].reverse().map((n) => this.byName.get(n)!);
  }

  /** Print `ip netns list` lines: `cni-... (id: 0)`. */
  formatList(): string {
    return this.list()
      .map((e) => (e.nsid === undefined ? `${e.name}\n` : `${e.name} (id: ${e.nsid})\n`))
      .join("");
  }

  /** Map inode → nsfs mount target, for lsns NSFS. */
  nsfsMounts(): Map<number, string> {
    return new Map(this.list().map((e) => [e.inode, `/run/netns/${e.name}`]));
  }

  /** Map inode → netnsid, for lsns NETNSID. */
  nsids(): Map<number, number> {
    const m = new Map<number, number>();
    for (const e of this.list()) if (e.nsid !== undefined) m.set(e.inode, e.nsid);
    return m;
  }
}
