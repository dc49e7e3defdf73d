// Linux namespaces as the kernel exposes them: a type and an nsfs inode number.

/** The eight namespace kinds of a 5.15 kernel, in the order `ls /proc/<pid>/ns` prints them. */
export const NS_TYPES = ["cgroup", "ipc", "mnt", "net", "pid", "time", "user", "uts"] as const;

/** One namespace kind. */
export type NsType = (typeof NS_TYPES)[number];

// Inodes are kept as offsets from this base, which are small integers to V8: a field holding the inode
// itself (above 2^30) is a boxed heap number, eight of them per set.
const BASE = 4026531000;

/** The namespace inode a process holds, per kind; read and written like a Record<NsType, number>. */
export class NsSet {
  declare cgroup: number;
  declare ipc: number;
  declare mnt: number;
  declare net: number;
  declare pid: number;
  declare time: number;
  declare user: number;
  declare uts: number;
  /** Each kind's inode less BASE, in NS_TYPES order. */
  readonly offsets: number[];

  constructor(from: Readonly<Record<NsType, number>>) {
    // Another set's offsets copy as they are: reading eight accessors by a computed kind is a slow keyed load.
    this.offsets = from instanceof NsSet ? from.offsets.slice() : NS_TYPES.map((type) => from[type] - BASE);
  }

  /** Copy the set, with one kind's namespace replaced. */
  with(type: NsType, inode: number): NsSet {
    const out = new NsSet(this);
    out.offsets[KIND_INDEX[type]] = inode - BASE;
    return out;
  }
}

// Each kind's position in NS_TYPES (and in an NsSet's offsets).
const KIND_INDEX = Object.fromEntries(NS_TYPES.map((type, i) => [type, i])) as Record<NsType, number>;

// Each kind reads and writes its offset: the accessors the declared fields stand for.
NS_TYPES.forEach((type, i) => {
  Object.defineProperty(NsSet.prototype, type, {
    get(this: NsSet) {
      return this.offsets[i] + BASE;
    },
    set(this: NsSet, inode: number) {
      this.offsets[i] = inode - BASE;
    },
  });
});

// The inodes the kernel gives its initial namespaces (PROC_*_INIT_INO in include/linux/proc_ns.h).
const INITIAL: Record<NsType, number> = {
  time: 4026531834,
  cgroup: 4026531835,
  pid: 4026531836,
  user: 4026531837,
  uts: 4026531838,
  ipc: 4026531839,
  net: 4026531840,
  mnt: 4026531841,
};

/** Where dynamically created namespaces start; nsfs inodes are handed out in creation order. */
export const FIRST_DYNAMIC_INODE = 4026532160;

/** A namespace the registry knows: its kind and inode. */
export interface Namespace {
  type: NsType;
  inode: number;
}

/** Config for {@link NamespaceRegistry}. */
export interface NamespaceRegistryConfig {
  firstInode?: number;
}

/** Hand out namespace inodes deterministically and remember which kind each one is. */
export class NamespaceRegistry {
  readonly initial: NsSet;
  private readonly first: number;
  private next: number;
  // The kinds of created namespaces by inode - first (inodes are handed out in order and never freed): a
  // pod makes nine, so no Map entry, key or record object per namespace.
  private readonly created: NsType[] = [];
  // The initial and adopted ones (the kernel's, below the dynamic range).
  private readonly fixed = new Map<number, NsType>();

  constructor(config: NamespaceRegistryConfig = {}) {
    const first = config.firstInode ?? FIRST_DYNAMIC_INODE;
    if (!Number.isInteger(first) || first <= INITIAL.mnt) {
      throw new Error(`NamespaceRegistry: firstInode must be an integer above ${INITIAL.mnt}, got ${first}`);
    }
    this.first = first;
    this.next = first;
    this.initial = new NsSet(INITIAL);
    for (const type of NS_TYPES) this.fixed.set(INITIAL[type], type);
  }

  /** Create a new namespace of a kind and return its inode. */
  create(type: NsType): number {
    const inode = this.next++;
    this.created.push(type);
    return inode;
  }

  /** Record a namespace whose inode the kernel fixed at boot (below the dynamic range). */
  adopt(type: NsType, inode: number): number {
    if (this.get(inode)) throw new Error(`NamespaceRegistry: inode ${inode} already known`);
    this.fixed.set(inode, type);
    return inode;
  }

  /** Look up a namespace by inode. */
  get(inode: number): Namespace | undefined {
    const type =
      (inode >= this.first ? this.created[inode - this.first] : undefined) ?? this.fixed.get(inode);
    return type === undefined ? undefined : { type, inode };
  }

  /** Derive a namespace set from a base, creating new namespaces for the listed kinds in that order. */
  derive(base: NsSet, fresh: readonly NsType[]): NsSet {
    const out = new NsSet(base);
    for (const type of fresh) out.offsets[KIND_INDEX[type]] = this.create(type) - BASE;
    return out;
  }
}

/** Format a namespace link target as the kernel does: `net:[4026532291]`. */
export function nsLink(type: NsType, inode: number): string {
  return `${type}:[${inode}]`;
}
