// Fan-out of storage changes to API watchers, like the API server's watch cache.
// Pod watchers that select one node (`spec.nodeName=<node>`, every kubelet) are indexed by node name,
// so a pod change costs one lookup rather than one check per kubelet.
import type { KubeObject } from "../api/types.ts";
import type { EventLoop } from "../util/event-loop.ts";
import { type FieldTerm, matchesFields, matchesLabels, type Selector } from "./selectors.ts";

/** A watch event as the API delivers it. */
export interface ApiWatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED";
  object: KubeObject;
}

/** What a watcher asked for. */
export interface WatchFilter {
  namespace?: string;
  labels: Selector;
  fields: FieldTerm[];
}

interface Watcher {
  filter: WatchFilter;
  handler: (ev: ApiWatchEvent) => void;
  stopped: boolean;
}

/** One resource type's watchers. */
export class WatchHub {
  private readonly all = new Set<Watcher>();
  private readonly byNode = new Map<string, Set<Watcher>>();
  private readonly loop: EventLoop;

  constructor(loop: EventLoop) {
    this.loop = loop;
  }

  /** Register a watcher; returns its stop function. */
  add(filter: WatchFilter, handler: (ev: ApiWatchEvent) => void): () => void {
    const w: Watcher = { filter, handler, stopped: false };
    const node = nodeIndexKey(filter);
    if (node !== undefined) {
      let set = this.byNode.get(node);
      if (!set) {
        set = new Set();
        this.byNode.set(node, set);
      }
      set.add(w);
    } else {
      this.all.add(w);
    }
    return () => {
      w.stopped = true;
      if (node !== undefined) this.byNode.get(node)?.delete(w);
      else this.all.delete(w);
    };
  }

  /** Deliver a change (old and/or new object) to every interested watcher, asynchronously. */
  publish(oldObj: KubeObject | undefined, newObj: KubeObject | undefined): void {
    // One task per change delivers to every watcher in turn: the same order as a task per watcher.
    const batch: Array<[Watcher, ApiWatchEvent]> = [];
    for (const w of this.all) this.offer(batch, w, oldObj, newObj);
    const nodes = new Set<string>();
    const oldNode = (oldObj?.spec as { nodeName?: string } | undefined)?.nodeName;
    const newNode = (newObj?.spec as { nodeName?: string } | undefined)?.nodeName;
    nodes.add(oldNode ?? "");
    nodes.add(newNode ?? "");
    for (const n of nodes) {
      const set = this.byNode.get(n);
      if (set) for (const w of set) this.offer(batch, w, oldObj, newObj);
    }
    if (batch.length === 0) return;
    this.loop.defer(() => {
      for (const [w, ev] of batch) if (!w.stopped) w.handler(ev);
    });
  }

  private offer(
    batch: Array<[Watcher, ApiWatchEvent]>,
    w: Watcher,
    oldObj: KubeObject | undefined,
    newObj: KubeObject | undefined,
  ): void {
    const was = oldObj !== undefined && matches(w.filter, oldObj);
    const is = newObj !== undefined && matches(w.filter, newObj);
    let ev: ApiWatchEvent | undefined;
    // A change that moves an object into or out of a filtered view is an ADDED or DELETED for that view.
    if (is && !was) ev = { type: "ADDED", object: newObj };
    else if (is && was) ev = { type: "MODIFIED", object: newObj };
    else if (was && !is) ev = { type: "DELETED", object: newObj ?? oldObj };
    if (ev) batch.push([w, ev]);
  }
}

function matches(f: WatchFilter, obj: KubeObject): boolean {
  if (f.namespace && obj.metadata.namespace !== f.namespace) return false;
  return matchesLabels(f.labels, obj.metadata.labels) && matchesFields(f.fields, obj);
}

function nodeIndexKey(f: WatchFilter): string | undefined {
  const t = f.fields.find((x) => x.field === "spec.nodeName" && x.op === "=");
  return t?.value;
}
