// An index from a controller's uid to the keys of the objects it controls, fed by an informer.

import { controllerOf } from "../api/owners.ts";
import type { KubeObject } from "../api/types.ts";
import { keyOf } from "../client/informer.ts";

/** One dependent as the index holds it: the latest object and its class. */
interface Entry<T> {
  obj: T;
  cls: number;
}

/** One owner's dependents by key, and how many fall in each class. */
interface Group<T> {
  entries: Map<string, Entry<T>>;
  counts: number[];
}

/** Keeps `owner uid → dependents by key` current as objects come and go. */
export class OwnerIndex<T extends KubeObject = KubeObject> {
  // The latest object seen for each key: the same object the informer feeding this index holds.
  private readonly byOwner = new Map<string, Group<T>>();
  private readonly classify: ((obj: T) => number) | undefined;

  /** An index; `classify` (a class number from 0 to 3) also keeps per-owner counts by class. */
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
      const g = this.byOwner.get(o);
      const prev = g?.entries.get(key);
      if (prev) {
        g!.entries.delete(key);
        g!.counts[prev.cls]--;
      }
    }
    if (n && cur) {
      let g = this.byOwner.get(n);
      if (!g) {
        g = { entries: new Map(), counts: [0, 0, 0, 0] };
        this.byOwner.set(n, g);
      }
      const cls = this.classify ? this.classify(cur) : 0;
      const e = g.entries.get(key);
      if (e) {
        // Replaced in place: the entry keeps its position, as re-setting a map key does.
        g.counts[e.cls]--;
        e.obj = cur;
        e.cls = cls;
      } else g.entries.set(key, { obj: cur, cls });
      g.counts[cls]++;
    }
  }

  /** How many dependents of `uid` are in class `k` now. */
  countOf(uid: string, k: number): number {
    return this.byOwner.get(uid)?.counts[k] ?? 0;
  }

  /** The objects controlled by `uid`, in the order they were first indexed. */
  objects(uid: string): T[] {
    const out: T[] = [];
    const g = this.byOwner.get(uid);
    if (g) for (const e of g.entries.values()) out.push(e.obj);
    return out;
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
