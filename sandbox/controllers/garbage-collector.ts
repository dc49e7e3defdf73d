// The garbage collector: deletes objects whose owners are gone, and honours the orphan and
// foregroundDeletion finalizers on owners being deleted.
import { lookupResource, resourceForKind } from "../api/resources.ts";
import type { KubeObject, OwnerReference } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { type InformerFactory, keyOf, splitKey } from "../client/informer.ts";
import { WorkQueue } from "../client/workqueue.ts";

/** Resource types the collector tracks, as owners or dependents. */
export const GC_RESOURCES = [
  "pods",
  "replicasets",
  "deployments",
  "daemonsets",
  "jobs",
  "cronjobs",
  "endpointslices",
  "services",
  "nodes",
  "namespaces",
];

interface Ref {
  plural: string;
  key: string;
}

/** The garbage collector. */
export class GarbageCollector {
  private readonly api: ApiServer;
  private readonly queue: WorkQueue;
  private readonly objects = new Map<string, Ref>();
  /** When each dependent last changed: index entries are kept in place, so this gives their order. */
  private readonly touched = new Map<string, number>();
  private touches = 0;
  private readonly dependents = new Map<string, Map<string, Ref>>();
  private readonly informers: InformerFactory;

  constructor(api: ApiServer, informers: InformerFactory) {
    this.api = api;
    this.informers = informers;
    this.queue = new WorkQueue({ loop: api.loop, reconcile: (k) => this.process(k) });
    for (const plural of GC_RESOURCES) {
      informers.for(plural).on({
        add: (o) => this.observe(plural, undefined, o),
        update: (old, o) => this.observe(plural, old, o),
        delete: (o) => this.observe(plural, o, undefined),
      });
    }
  }

  private observe(plural: string, old: KubeObject | undefined, cur: KubeObject | undefined): void {
    const obj = (cur ?? old)!;
    const uid = obj.metadata.uid!;
    const owners = cur?.metadata.ownerReferences;
    if (owners && old && this.sameOwners(uid, old.metadata.ownerReferences, owners)) {
      // Most updates (status changes) keep the owners: the index entries stay, only their recency moves.
      this.touched.set(uid, ++this.touches);
      for (const o of owners) if (!this.objects.has(o.uid)) this.queue.add(`dep:${uid}`);
      this.checkFinalizers(cur!, uid);
      return;
    }
    const ref = { plural, key: keyOf(obj) };
    for (const o of old?.metadata.ownerReferences ?? []) this.dependents.get(o.uid)?.delete(uid);
    if (cur) {
      this.objects.set(uid, ref);
      if (owners?.length) this.touched.set(uid, ++this.touches);
      for (const o of owners ?? []) {
        let m = this.dependents.get(o.uid);
        if (!m) {
          m = new Map();
          this.dependents.set(o.uid, m);
        }
        m.set(uid, ref);
        // A dependent whose owner is unknown may be an orphan: check it once things settle.
        if (!this.objects.has(o.uid)) this.queue.add(`dep:${uid}`);
      }
      this.checkFinalizers(cur, uid);
    } else {
      this.objects.delete(uid);
      this.touched.delete(uid);
      if (this.dependents.has(uid)) this.queue.add(`owner:${uid}`);
    }
  }

  // Whether an update leaves a dependent's owners, and so its index entries, exactly as they were.
  private sameOwners(uid: string, before: OwnerReference[] | undefined, after: OwnerReference[]): boolean {
    if (!before || before.length !== after.length || after.length === 0 || !this.objects.has(uid))
      return false;
    for (let i = 0; i < after.length; i++) {
      if (before[i].uid !== after[i].uid) return false;
      if (!this.dependents.get(after[i].uid)?.has(uid)) return false;
    }
    return true;
  }

  private checkFinalizers(cur: KubeObject, uid: string): void {
    // Almost every change is to an object not being deleted: no finalizer list to look at.
    if (!cur.metadata.deletionTimestamp) return;
    const fin = cur.metadata.finalizers ?? [];
    if (fin.includes("orphan") || fin.includes("foregroundDeletion")) this.queue.add(`owner:${uid}`);
  }

  private get(ref: Ref): KubeObject | undefined {
    return this.informers.for(ref.plural).get(ref.key);
  }

  private process(item: string): void {
    const [what, uid] = item.split(":");
    if (what === "dep") this.checkDependent(uid);
    else this.processOwner(uid);
  }

  private checkDependent(uid: string): void {
    const ref = this.objects.get(uid);
    const obj = ref && this.get(ref);
    if (!obj || obj.metadata.deletionTimestamp) return;
    const owners = obj.metadata.ownerReferences ?? [];
    const live = owners.filter(
      (o) =>
        this.objects.has(o.uid) ||
        this.ownerExists(o.kind, o.apiVersion, obj.metadata.namespace, o.name, o.uid),
    );
    if (owners.length > 0 && live.length === 0) this.deleteRef(ref!);
  }

  private ownerExists(
    kind: string,
    apiVersion: string,
    ns: string | undefined,
    name: string,
    uid: string,
  ): boolean {
    const rt = resourceForKind(kind, apiVersion);
    if (!rt) return true; // An owner kind the model does not serve: leave the dependent alone.
    if (GC_RESOURCES.includes(rt.plural)) return false;
    const o = this.api.tryGet(rt.plural, rt.namespaced ? ns : undefined, name);
    return !!o && o.metadata.uid === uid;
  }

  private processOwner(uid: string): void {
    // In the order of each dependent's latest change, as re-inserting on every change would leave them.
    const deps = [...(this.dependents.get(uid)?.entries() ?? [])]
      .sort((a, b) => (this.touched.get(a[0]) ?? 0) - (this.touched.get(b[0]) ?? 0))
      .map((e) => e[1]);
    const ownerRef = this.objects.get(uid);
    const owner = ownerRef && this.get(ownerRef);
    const fin = owner?.metadata.finalizers ?? [];
    if (owner && fin.includes("orphan")) {
      for (const d of deps) this.dropOwnerRef(d, uid);
      this.removeFinalizer(ownerRef!, "orphan");
      return;
    }
    if (owner && fin.includes("foregroundDeletion")) {
      const live = deps.filter((d) => this.get(d));
      for (const d of live) this.deleteRef(d, "Foreground");
      if (live.length === 0) this.removeFinalizer(ownerRef!, "foregroundDeletion");
      else this.queue.addAfter(`owner:${uid}`, 1000);
      return;
    }
    if (owner) return;
    for (const d of deps) {
      const obj = this.get(d);
      if (!obj) continue;
      const others = (obj.metadata.ownerReferences ?? []).filter(
        (o) => o.uid !== uid && this.objects.has(o.uid),
      );
      if (others.length > 0) this.dropOwnerRef(d, uid);
      else this.deleteRef(d);
    }
    this.dependents.delete(uid);
  }

  private deleteRef(ref: Ref, policy: "Background" | "Foreground" = "Background"): void {
    const rt = lookupResource(ref.plural)!;
    const { namespace, name } = splitKey(ref.key);
    try {
      this.api.delete(ref.plural, rt.namespaced ? namespace : undefined, name, { propagationPolicy: policy });
    } catch {
      // Gone already.
    }
  }

  private dropOwnerRef(ref: Ref, uid: string): void {
    const { namespace, name } = splitKey(ref.key);
    try {
      this.api.mutate(ref.plural, namespace, name, (o) => {
        o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        if (o.metadata.ownerReferences.length === 0) delete o.metadata.ownerReferences;
        return true;
      });
    } catch {
      // Gone already.
    }
  }

  private removeFinalizer(ref: Ref, finalizer: string): void {
    const { namespace, name } = splitKey(ref.key);
    try {
      this.api.mutate(ref.plural, namespace, name, (o) => {
        o.metadata.finalizers = (o.metadata.finalizers ?? []).filter((f) => f !== finalizer);
        if (o.metadata.finalizers.length === 0) delete o.metadata.finalizers;
        return true;
      });
    } catch {
      // Gone already.
    }
  }
}
