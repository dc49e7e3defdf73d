// An index from a controller's uid to the keys of the objects it controls, fed by an informer.
import type { KubeObject } from "../api/types.ts";
import { keyOf } from "../client/informer.ts";
import { controllerOf } from "./pod-util.ts";

const NONE: ReadonlyMap<string, KubeObject> = new Map();

/** Keeps `owner uid → dependents by key` current as objects come and go. */
export class OwnerIndex<T extends KubeObject = KubeObject> {
  // The latest object seen for each key: the same object the informer feeding this index holds.
  private readonly byOwner = new Map<string, Map<string, T>>();
  // With a classifier, how many dependents of each owner fall in each class, kept as they come and go.
  private readonly classify: ((obj: T) => number) | undefined;
  private readonly counts = new Map<string, number[]>();

  /** An index; `classify` (a class number, 0 to 3 for speed) also keeps per-owner counts by class. */
  constructor(classify?: (obj: T) => number) {
    this.classify = classify;
  }

  /** Record a change of one dependent. */
  update(old: T | undefined, cur: T | undefined): void {
    const o = old ? controllerOf(old)?.uid : undefined;
    const n = cur ? controllerOf(cur)?.uid : undefined;
    if (!o && !n) return;
    // An update's old and new objects share one key.
    const key = keyOf((cur ?? old)!);
    if (o && (o !== n || !cur)) {
      const s = this.byOwner.get(o);
      const prev = s?.get(key);
      if (prev) {
        s!.delete(key);
        this.count(o, prev, -1);
      }
    }
    if (n && cur) {
      let s = this.byOwner.get(n);
      if (!s) {
        s = new Map();
        this.byOwner.set(n, s);
      }
      const prev = s.get(key);
      if (prev) this.count(n, prev, -1);
      s.set(key, cur);
      this.count(n, cur, 1);
    }
  }

  private count(uid: string, obj: T, sign: 1 | -1): void {
    if (!this.classify) return;
    let c = this.counts.get(uid);
    if (!c) {
      c = [0, 0, 0, 0];
      this.counts.set(uid, c);
    }
    const k = this.classify(obj);
    c[k] = (c[k] ?? 0) + sign;
  }

  /** How many dependents of `uid` are in class `k` now. */
  countOf(uid: string, k: number): number {
    return this.counts.get(uid)?.[k] ?? 0;
  }

  /** Keys of the objects controlled by `uid`. */
  keys(uid: string): string[] {
    return [...(this.byOwner.get(uid)?.keys() ?? [])];
  }

  /** The objects controlled by `uid`, without a copy: finish iterating before writing anything. */
  objects(uid: string): Iterable<T> {
    return ((this.byOwner.get(uid) ?? NONE) as ReadonlyMap<string, T>).values();
  }
}

/** Pending creates and deletes a controller has issued but not yet seen in its cache (client-go expectations). */
export class Expectations {
  private readonly pending = new Map<string, { adds: number; dels: number }>();

  /** Expect `adds` creations and `dels` deletions for a controller key. */
  expect(key: string, adds: number, dels: number): void {
    const e = this.pending.get(key) ?? { adds: 0, dels: 0 };
    e.adds += adds;
    e.dels += dels;
    this.pending.set(key, e);
  }

  /** Record that a creation was observed. */
  observeAdd(key: string): void {
    const e = this.pending.get(key);
    if (e && e.adds > 0) e.adds--;
  }

  /** Record that a deletion was observed. */
  observeDel(key: string): void {
    const e = this.pending.get(key);
    if (e && e.dels > 0) e.dels--;
  }

  /** Whether the cache has caught up with everything issued. */
  satisfied(key: string): boolean {
    const e = this.pending.get(key);
    return !e || (e.adds <= 0 && e.dels <= 0);
  }

  /** Forget a controller key. */
  delete(key: string): void {
    this.pending.delete(key);
  }
}
