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
  // Arrays in registration order (a stop removes its watcher); publishing walks them by index.
  private readonly all: Watcher[] = [];
  private readonly byNode = new Map<string, Watcher[]>();
  private readonly loop: EventLoop;
  // The events of the change being published, made when the first watcher needs one.
  private added: ApiWatchEvent | undefined = undefined;
  private modified: ApiWatchEvent | undefined = undefined;
  private deleted: ApiWatchEvent | undefined = undefined;
  // The change being published, collected here and then copied into a batch of exactly its size.
  private readonly scratch: Array<Watcher | ApiWatchEvent> = [];
  private count = 0;

  constructor(loop: EventLoop) {
    this.loop = loop;
  }

  /** Register a watcher; returns its stop function. */
  add(filter: WatchFilter, handler: (ev: ApiWatchEvent) => void): () => void {
    const w: Watcher = { filter, handler, stopped: false };
    const node = nodeIndexKey(filter);
    if (node !== undefined) {
      let list = this.byNode.get(node);
      if (!list) {
        list = [];
        this.byNode.set(node, list);
      }
      list.push(w);
    } else {
      this.all.push(w);
    }
    return () => {
      if (w.stopped) return;
      w.stopped = true;
      const list = node !== undefined ? this.byNode.get(node) : this.all;
      const i = list ? list.indexOf(w) : -1;
      if (list && i >= 0) list.splice(i, 1);
    };
  }

  /** Deliver a change (old and/or new object) to every interested watcher, asynchronously. */
  publish(oldObj: KubeObject | undefined, newObj: KubeObject | undefined): void {
    // One task per change delivers to every watcher in turn: the same order as a task per watcher.
    // The batch is flat (watcher, event, watcher, event, ...) to spare a pair per delivery.
    if (this.all.length === 0 && this.byNode.size === 0) return;
    this.count = 0;
    this.offerAll(this.all, oldObj, newObj);
    if (this.byNode.size > 0) {
      const oldNode = (oldObj?.spec as { nodeName?: string } | undefined)?.nodeName ?? "";
      const newNode = (newObj?.spec as { nodeName?: string } | undefined)?.nodeName ?? "";
      const before = this.byNode.get(oldNode);
      if (before) this.offerAll(before, oldObj, newObj);
      if (newNode !== oldNode) {
        const after = this.byNode.get(newNode);
        if (after) this.offerAll(after, oldObj, newObj);
      }
    }
    // Forget this change's events: the batch holds them until it is delivered.
    this.added = this.modified = this.deleted = undefined;
    const n = this.count;
    if (n === 0) return;
    const batch = this.scratch.slice(0, n);
    this.scratch.fill(undefined as unknown as Watcher, 0, n);
    this.loop.deferCall(deliver, batch);
  }

  private offerAll(
    watchers: Watcher[],
    oldObj: KubeObject | undefined,
    newObj: KubeObject | undefined,
  ): void {
    for (let i = 0; i < watchers.length; i++) {
      const w = watchers[i];
      const was = oldObj !== undefined && matches(w.filter, oldObj);
      const is = newObj !== undefined && matches(w.filter, newObj);
      // A change that moves an object into or out of a filtered view is an ADDED or DELETED for that view.
      // Watchers that see the same kind of event share one (handlers only read them).
      if (is) {
        if (was) {
          if (this.modified === undefined) this.modified = { type: "MODIFIED", object: newObj };
          this.offer(w, this.modified);
        } else {
          if (this.added === undefined) this.added = { type: "ADDED", object: newObj };
          this.offer(w, this.added);
        }
      } else if (was) {
        if (this.deleted === undefined) this.deleted = { type: "DELETED", object: newObj ?? oldObj };
        this.offer(w, this.deleted);
      }
    }
  }

  private offer(w: Watcher, ev: ApiWatchEvent): void {
    this.scratch[this.count++] = w;
    this.scratch[this.count++] = ev;
  }
}

function deliver(batch: Array<Watcher | ApiWatchEvent>): void {
  for (let i = 0; i < batch.length; i += 2) {
    const w = batch[i] as Watcher;
    if (!w.stopped) w.handler(batch[i + 1] as ApiWatchEvent);
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
