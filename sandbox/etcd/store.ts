// An ordered key-value store with revisions and watches, shaped like etcd v3's API.
// Deviation from etcd: values are kept as JSON-shaped objects (the API server stores protobuf bytes);
// `valueBytes` serializes on demand for tools such as etcdctl.

/** One stored key, with etcd's revision bookkeeping. */
export interface KeyValue {
  key: string;
  value: unknown;
  createRevision: number;
  modRevision: number;
  version: number;
}

/** A change, as an etcd watch reports it. */
export interface WatchEvent {
  type: "PUT" | "DELETE";
  kv: KeyValue;
  prevKv?: KeyValue;
  revision: number;
}

/** Thrown when a watch asks for history that compaction already dropped. */
export class CompactedError extends Error {
  readonly compactRevision: number;
  constructor(compactRevision: number) {
    super(`etcdserver: mvcc: required revision has been compacted`);
    this.compactRevision = compactRevision;
  }
}

interface Bucket {
  name: string;
  kvs: Map<string, KeyValue>;
  sorted: string[] | null;
}

interface Watcher {
  prefix: string;
  cb: (ev: WatchEvent) => void;
}

/** Configuration of the store. */
export interface EtcdConfig {
  /** How many past events to keep for watches that start from an old revision. */
  historyLimit?: number;
}

/** The cluster's etcd: the single source of truth that only the API server touches. */
export class Etcd {
  private rev = 1;
  // The keys live in one map per resource (`/registry/pods/`), not in one map of every key: a read of a node
  // then searches the nodes, not every event and pod as well.
  private readonly buckets = new Map<string, Bucket>();
  // The same buckets by the length of their name and its first letter after `/registry/`: a key's bucket
  // is found by comparing it with the few names of that shape, without cutting its name out of the key.
  private readonly byShape = new Map<number, Bucket[]>();
  // The kept history as two parallel lists, each write's KeyValue (the stored one itself, for a put) and
  // its previous one, rather than a WatchEvent object per write: replays rebuild the events.
  private readonly history: KeyValue[] = [];
  private readonly historyPrev: (KeyValue | undefined)[] = [];
  // The KeyValues of kept deletes (a put's value may be anything, so it cannot tell them apart).
  private readonly deletes = new WeakSet<KeyValue>();
  private compacted = 0;
  private readonly historyLimit: number;
  private readonly watchers = new Set<Watcher>();

  constructor(config: EtcdConfig = {}) {
    this.historyLimit = config.historyLimit ?? 20_000;
  }

  /** The current revision: the number of writes so far, plus one. */
  revision(): number {
    return this.rev;
  }

  /** Read one key. */
  get(key: string): KeyValue | undefined {
    return this.bucketOf(key, false)?.kvs.get(key);
  }

  /** All keys starting with `prefix`, in byte order. */
  range(prefix: string): KeyValue[] {
    // A prefix within one bucket (`/registry/pods/default/`) reads that bucket alone.
    const b = bucketName(prefix);
    const kvs = b !== undefined && prefix.length >= b.length ? this.buckets.get(b)?.kvs : undefined;
    const keys = kvs ? this.bucketKeys(b!) : this.sortedKeys(prefix);
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: KeyValue[] = [];
    for (let i = lo; i < keys.length && keys[i].startsWith(prefix); i++)
      out.push(kvs ? kvs.get(keys[i])! : this.get(keys[i])!);
    return out;
  }

  /** Count keys under a prefix without materializing them. */
  count(prefix: string): number {
    return this.range(prefix).length;
  }

  /** Write a key; returns the stored KeyValue. */
  put(key: string, value: unknown): KeyValue {
    const bucket = this.bucketOf(key, true)!;
    return this.write(bucket, key, value, bucket.kvs.get(key));
  }

  /** Write only if the key's modRevision is still `expected` (0: only if absent); etcd's transaction guard. */
  putIf(key: string, expected: number, value: unknown): KeyValue | undefined {
    const bucket = this.bucketOf(key, true)!;
    const cur = bucket.kvs.get(key);
    if ((cur?.modRevision ?? 0) !== expected) return undefined;
    return this.write(bucket, key, value, cur);
  }

  private write(bucket: Bucket, key: string, value: unknown, prev: KeyValue | undefined): KeyValue {
    const rev = ++this.rev;
    const kv: KeyValue = {
      key,
      value,
      createRevision: prev ? prev.createRevision : rev,
      modRevision: rev,
      version: prev ? prev.version + 1 : 1,
    };
    bucket.kvs.set(key, kv);
    if (!prev) bucket.sorted = null;
    this.emit({ type: "PUT", kv, prevKv: prev, revision: rev });
    return kv;
  }

  /** Delete a key; returns the deleted KeyValue. */
  delete(key: string): KeyValue | undefined {
    const bucket = this.bucketOf(key, false);
    const prev = bucket?.kvs.get(key);
    if (!bucket || !prev) return undefined;
    const rev = ++this.rev;
    bucket.kvs.delete(key);
    bucket.sorted = null;
    this.emit({
      type: "DELETE",
      kv: { ...prev, modRevision: rev, value: undefined },
      prevKv: prev,
      revision: rev,
    });
    return prev;
  }

  /**
   * Watch every key under `prefix`. With `fromRevision`, first replay the kept history after that revision.
   * Callbacks run synchronously inside the write; subscribers that need asynchrony must defer themselves.
   */
  watch(prefix: string, cb: (ev: WatchEvent) => void, fromRevision?: number): () => void {
    if (fromRevision !== undefined) {
      if (fromRevision <= this.compacted) throw new CompactedError(this.compacted);
      const h = this.history;
      for (let i = 0; i < h.length; i++) {
        const kv = h[i];
        if (kv.modRevision > fromRevision && kv.key.startsWith(prefix)) cb(this.historyEvent(i));
      }
    }
    const w: Watcher = { prefix, cb };
    this.watchers.add(w);
    return () => {
      this.watchers.delete(w);
    };
  }

  /** Serialize a value the way tools see it (JSON here; protobuf in a real cluster). */
  static valueBytes(kv: KeyValue): string {
    return JSON.stringify(kv.value);
  }

  // Keys are kept sorted per resource bucket (`/registry/pods/`), so a write to one resource never
  // makes a list of another resort, and a list sorts only its own resource.
  private sortedKeys(prefix: string): string[] {
    const b = bucketName(prefix);
    if (b !== undefined && prefix.length >= b.length) return this.bucketKeys(b);
    const out: string[] = [];
    for (const name of this.buckets.keys())
      if (name.startsWith(prefix) || prefix.startsWith(name)) out.push(...this.bucketKeys(name));
    return out.sort(byteOrder);
  }

  private bucketKeys(name: string): string[] {
    const bucket = this.buckets.get(name);
    if (!bucket) return [];
    if (bucket.sorted === null) bucket.sorted = [...bucket.kvs.keys()].sort(byteOrder);
    return bucket.sorted;
  }

  // The bucket holding `key` (made when `create`). Keys too short for a bucket name are a bucket each.
  private bucketOf(key: string, create: boolean): Bucket | undefined {
    const i = key.indexOf("/", 1);
    const j = i < 0 ? -1 : key.indexOf("/", i + 1);
    if (j < 0) {
      let bucket = this.buckets.get(key);
      if (!bucket && create) {
        bucket = { name: key, kvs: new Map(), sorted: null };
        this.buckets.set(key, bucket);
      }
      return bucket;
    }
    const shape = (j + 1) * 65536 + key.charCodeAt(i + 1);
    let same = this.byShape.get(shape);
    if (same !== undefined)
      for (let k = 0; k < same.length; k++) if (key.startsWith(same[k].name)) return same[k];
    if (!create) return undefined;
    const name = key.slice(0, j + 1);
    const bucket: Bucket = { name, kvs: new Map(), sorted: null };
    this.buckets.set(name, bucket);
    if (same === undefined) {
      same = [];
      this.byShape.set(shape, same);
    }
    same.push(bucket);
    return bucket;
  }

  // A kept write as a watch reports it: a delete's KeyValue is its own (the put's is the one stored).
  private historyEvent(i: number): WatchEvent {
    const kv = this.history[i];
    const type = this.deletes.has(kv) ? "DELETE" : "PUT";
    return { type, kv, prevKv: this.historyPrev[i], revision: kv.modRevision };
  }

  private emit(ev: WatchEvent): void {
    this.history.push(ev.kv);
    this.historyPrev.push(ev.prevKv);
    if (ev.type === "DELETE") this.deletes.add(ev.kv);
    if (this.history.length > this.historyLimit * 2) {
      const drop = this.history.length - this.historyLimit;
      this.compacted = this.history[drop - 1].modRevision;
      this.history.splice(0, drop);
      this.historyPrev.splice(0, drop);
    }
    if (this.watchers.size === 0) return;
    for (const w of this.watchers) if (ev.kv.key.startsWith(w.prefix)) w.cb(ev);
  }
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `/registry/pods/` for `/registry/pods/default/web`; undefined for keys too short to have one. */
function bucketName(key: string): string | undefined {
  const i = key.indexOf("/", 1);
  const j = i < 0 ? -1 : key.indexOf("/", i + 1);
  return j < 0 ? undefined : key.slice(0, j + 1);
}
