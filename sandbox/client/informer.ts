// List-then-watch caches, as client-go's shared informers: controllers read from here, never from etcd.
import type { KubeObject } from "../api/types.ts";
import type { ApiServer, ListOptions } from "../apiserver/server.ts";

/** Callbacks for cache changes. */
export interface InformerHandlers<T extends KubeObject> {
  add?(obj: T): void;
  update?(oldObj: T, newObj: T): void;
  delete?(obj: T): void;
}

// The last key made and what it was made from: one change reaches every informer, owner index and queue
// in turn, and they then share one key string (hashed once) instead of each joining and keeping its own.
let lastNamespace: string | undefined;
let lastName: string | undefined;
let lastKey = "";

// Every key made, by namespace then name: an object's versions keep their name and namespace strings, so
// each change finds its object's one key string, which the maps keyed by it hash once and match by
// reference (a key joined afresh is hashed again and compared character by character). Bounded: when full
// it is emptied, and keys are then made afresh (equal strings, so nothing else can tell).
const keys = new Map<string, Map<string | undefined, string>>();
let keyCount = 0;
// The table of the last namespace used (almost every change is in the namespace of the one before).
let lastByName: Map<string | undefined, string> | undefined;
const KEYS_LIMIT = 1 << 16;

/** Return the key `namespace/name`, one shared string for each pair. */
export function keyFor(namespace: string | undefined, name: string | undefined): string {
  if (namespace === undefined) return `${namespace}/${name}`;
  if (name === lastName && namespace === lastNamespace) return lastKey;
  let byName = namespace === lastNamespace ? lastByName : keys.get(namespace);
  let key = byName?.get(name);
  if (key === undefined) {
    if (keyCount >= KEYS_LIMIT) {
      keys.clear();
      keyCount = 0;
      byName = undefined;
    }
    if (!byName) {
      byName = new Map();
      keys.set(namespace, byName);
    }
    key = `${namespace}/${name}`;
    byName.set(name, key);
    keyCount++;
  }
  lastKey = key;
  lastName = name;
  lastNamespace = namespace;
  lastByName = byName;
  return key;
}

/** The cache key of an object: `namespace/name`, or `name` when cluster-scoped. */
export function keyOf(obj: KubeObject): string {
  const { namespace, name } = obj.metadata;
  if (!namespace) return name ?? "";
  return keyFor(namespace, name);
}

/** Split a cache key into namespace and name. */
export function splitKey(key: string): { namespace?: string; name: string } {
  const i = key.indexOf("/");
  return i < 0 ? { name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** A cache of one resource type kept current by a watch. Cached objects are shared: copy before changing. */
export class Informer<T extends KubeObject> {
  private readonly cache = new Map<string, T>();
  private readonly handlers: InformerHandlers<T>[] = [];
  private stopWatch: (() => void) | undefined;
  private readonly api: ApiServer;
  readonly plural: string;
  private readonly opts: ListOptions;

  constructor(api: ApiServer, plural: string, opts: ListOptions = {}) {
    this.api = api;
    this.plural = plural;
    this.opts = opts;
  }

  /** Register handlers; objects already cached are replayed as adds. */
  on(h: InformerHandlers<T>): void {
    this.handlers.push(h);
    if (this.stopWatch && h.add) for (const o of this.cache.values()) h.add(o);
  }

  /** List, fill the cache, then watch. Idempotent. */
  start(): this {
    if (this.stopWatch) return this;
    this.stopWatch = this.api.watch(this.plural, this.opts, (ev) => {
      const obj = ev.object as T;
      const key = keyOf(obj);
      const old = this.cache.get(key);
      if (ev.type === "DELETED") {
        this.cache.delete(key);
        for (let i = 0; i < this.handlers.length; i++) this.handlers[i].delete?.(obj);
      } else if (old) {
        this.cache.set(key, obj);
        for (let i = 0; i < this.handlers.length; i++) this.handlers[i].update?.(old, obj);
      } else {
        this.cache.set(key, obj);
        for (let i = 0; i < this.handlers.length; i++) this.handlers[i].add?.(obj);
      }
    });
    for (const o of this.api.list<T>(this.plural, this.opts).items) {
      this.cache.set(keyOf(o), o);
      for (const h of this.handlers) h.add?.(o);
    }
    return this;
  }

  /** Stop watching; the cache keeps its last contents. */
  stop(): void {
    this.stopWatch?.();
    this.stopWatch = undefined;
  }

  /** Read one cached object by key. */
  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  /** All cached objects (optionally one namespace). */
  list(namespace?: string): T[] {
    const out: T[] = [];
    for (const o of this.cache.values()) if (!namespace || o.metadata.namespace === namespace) out.push(o);
    return out;
  }

  /** Number of cached objects. */
  size(): number {
    return this.cache.size;
  }
}

/** One informer per resource type, shared by the controllers of one process (kube-controller-manager). */
export class InformerFactory {
  private readonly informers = new Map<string, Informer<KubeObject>>();
  private readonly api: ApiServer;

  constructor(api: ApiServer) {
    this.api = api;
  }

  /** The shared informer for a resource type (created on first use, started by `start`). */
  for<T extends KubeObject>(plural: string): Informer<T> {
    let inf = this.informers.get(plural);
    if (!inf) {
      inf = new Informer(this.api, plural);
      this.informers.set(plural, inf);
    }
    return inf as unknown as Informer<T>;
  }

  /** Start every informer created so far. */
  start(): void {
    for (const inf of this.informers.values()) inf.start();
  }

  /** Stop every informer. */
  stop(): void {
    for (const inf of this.informers.values()) inf.stop();
  }
}
