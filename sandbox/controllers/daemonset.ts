// The DaemonSet controller: one pod per eligible node, each pinned to its node by node affinity.

import { controllerOf } from "../api/owners.ts";
import { firstPinnedNodeName, tolerates } from "../api/scheduling.ts";
import type { DaemonSet, Node, Pod, Toleration } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import type { EventRecorder } from "../client/events.ts";
import { type InformerFactory, keyFor, keyOf, splitKey } from "../client/informer.ts";
import { WorkQueue } from "../client/workqueue.ts";
import { clone } from "../util/clone.ts";
import { jsonEqual } from "../util/json-equal.ts";
import { OwnerIndex } from "./owner-index.ts";
import { controllerRef, isPodAvailable, isPodReady, templateHash } from "./pod-util.ts";

/** The tolerations the DaemonSet controller adds to every daemon pod. */
export const DAEMON_TOLERATIONS: Toleration[] = [
  { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
  { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
  { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
  { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
  { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
  { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
];

function eligible(ds: DaemonSet, node: Node): boolean {
  const spec = ds.spec.template.spec;
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {}))
    if (node.metadata.labels?.[k] !== v) return false;
  const tols = [...(spec.tolerations ?? []), ...DAEMON_TOLERATIONS];
  return (node.spec.taints ?? []).every(
    (t) => t.effect === "PreferNoSchedule" || tols.some((x) => tolerates(x, t)),
  );
}

/** The DaemonSet controller. */
export class DaemonSetController {
  private readonly api: ApiServer;
  private readonly queue: WorkQueue;
  private readonly owners = new OwnerIndex<Pod>();
  private readonly informers: InformerFactory;
  private readonly recorder: EventRecorder;
  private readonly pending = new Map<string, Set<string>>();
  /** Eligibility verdicts per DaemonSet spec (status writes keep it), keyed by the (immutable) cached node object. */
  private readonly verdicts = new Map<string, { spec: DaemonSet["spec"]; byNode: WeakMap<Node, boolean> }>();

  constructor(api: ApiServer, informers: InformerFactory, recorder: EventRecorder) {
    this.api = api;
    this.informers = informers;
    this.recorder = recorder;
    this.queue = new WorkQueue({ loop: api.loop, reconcile: (k) => this.reconcile(k) });
    const all = () => {
      for (const ds of informers.for<DaemonSet>("daemonsets").list()) this.queue.add(keyOf(ds));
    };
    informers
      .for<DaemonSet>("daemonsets")
      .on({ add: (d) => this.queue.add(keyOf(d)), update: (_o, d) => this.queue.add(keyOf(d)) });
    informers.for<Node>("nodes").on({
      add: all,
      update: (o, n) => {
        if (jsonEqual(o.spec, n.spec) && jsonEqual(o.metadata.labels, n.metadata.labels)) return;
        // Only DaemonSets whose verdict on this node flips need a sync (a taint most of them tolerate does not).
        for (const ds of informers.for<DaemonSet>("daemonsets").list())
          if (this.eligible(keyOf(ds), ds, o) !== this.eligible(keyOf(ds), ds, n)) this.queue.add(keyOf(ds));
      },
      delete: all,
    });
    informers.for<Pod>("pods").on({
      add: (p) => this.onPod(undefined, p),
      update: (o, p) => this.onPod(o, p),
      delete: (p) => this.onPod(p, undefined),
    });
  }

  private onPod(old: Pod | undefined, cur: Pod | undefined): void {
    const p = (cur ?? old)!;
    const ref = controllerOf(p);
    // Only daemon pods matter here; most of a big cluster's pods belong to ReplicaSets.
    if (ref?.kind !== "DaemonSet" && (!old || controllerOf(old)?.kind !== "DaemonSet")) return;
    this.owners.update(old, cur);
    if (ref?.kind !== "DaemonSet") return;
    const key = keyFor(p.metadata.namespace, ref.name);
    if (cur && !old) this.pending.get(key)?.delete(this.targetNode(cur) ?? "");
    // Pod churn is coalesced: one sync per DaemonSet per half second, not one per pod event.
    if (cur && !old) this.queue.add(key);
    else this.queue.addAfter(key, 500);
  }

  // The node a daemon pod is pinned to by the affinity createPod gives it (or its nodeName).
  private targetNode(p: Pod): string | undefined {
    return firstPinnedNodeName(p) ?? p.spec.nodeName;
  }

  /** Create missing daemon pods, remove misplaced or outdated ones, refresh status. */
  reconcile(key: string): void {
    const ds = this.informers.for<DaemonSet>("daemonsets").get(key);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const nodes = this.informers.for<Node>("nodes").list();
    const pods: Pod[] = [];
    for (const p of this.owners.objects(ds.metadata.uid!)) if (!p.metadata.deletionTimestamp) pods.push(p);
    const hash = templateHash(ds.spec.template).slice(0, 10);
    const byNode = new Map<string, Pod[]>();
    for (const p of pods) {
      const n = this.targetNode(p) ?? "";
      const list = byNode.get(n);
      if (list) list.push(p);
      else byNode.set(n, [p]);
    }
    let pending = this.pending.get(key);
    if (!pending) {
      pending = new Set();
      this.pending.set(key, pending);
    }
    const now = this.api.loop.now();
    let desired = 0;
    let misscheduled = 0;
    let updatedOutdatedDeleted = false;
    for (const node of nodes) {
      const name = node.metadata.name!;
      const want = this.eligible(key, ds, node);
      const have = byNode.get(name) ?? [];
      if (want) desired++;
      if (want && have.length === 0 && !pending.has(name)) {
        pending.add(name);
        this.createPod(ds, name, hash);
      } else if (!want && have.length > 0) {
        misscheduled++;
        for (const p of have) this.deletePod(p);
      } else if (want && have.length > 0 && !updatedOutdatedDeleted) {
        const p = have[0];
        const outdated = p.metadata.labels?.["controller-revision-hash"] !== hash;
        // RollingUpdate with maxUnavailable 1: replace one outdated pod at a time, only when the rest are ready.
        if (outdated && pods.every((q) => q === p || isPodReady(q))) {
          this.deletePod(p);
          updatedOutdatedDeleted = true;
        }
      }
    }
    this.updateStatus(ds, pods, desired, misscheduled, hash, now);
  }

  // Nodes join one at a time, and each join resyncs every DaemonSet over every node: remember verdicts.
  private eligible(key: string, ds: DaemonSet, node: Node): boolean {
    let v = this.verdicts.get(key);
    if (!v || v.spec !== ds.spec) {
      v = { spec: ds.spec, byNode: new WeakMap() };
      this.verdicts.set(key, v);
    }
    let want = v.byNode.get(node);
    if (want === undefined) {
      want = eligible(ds, node);
      v.byNode.set(node, want);
    }
    return want;
  }

  private createPod(ds: DaemonSet, node: string, hash: string): void {
    const tpl = clone(ds.spec.template);
    const spec = tpl.spec;
    const tols = [...(spec.tolerations ?? [])];
    for (const t of DAEMON_TOLERATIONS)
      if (!tols.some((x) => x.key === t.key && x.effect === t.effect)) tols.push(t);
    spec.tolerations = tols;
    spec.affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [node] }] }],
        },
      },
    };
    const pod: Pod = {
      metadata: {
        generateName: `${ds.metadata.name}-`,
        namespace: ds.metadata.namespace,
        labels: {
          ...(tpl.metadata?.labels ?? {}),
          "controller-revision-hash": hash,
          "pod-template-generation": String(ds.metadata.generation ?? 1),
        },
        ...(tpl.metadata?.annotations ? { annotations: tpl.metadata.annotations } : {}),
        ownerReferences: [controllerRef(ds)],
      },
      spec,
    };
    try {
      const created = this.api.create<Pod>("pods", pod, { handOff: true });
      this.recorder.record(ds, "Normal", "SuccessfulCreate", `Created pod: ${created.metadata.name}`);
    } catch (err) {
      this.pending.get(keyOf(ds))?.delete(node);
      this.recorder.record(
        ds,
        "Warning",
        "FailedCreate",
        `Error creating: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  private deletePod(p: Pod): void {
    try {
      this.api.delete("pods", p.metadata.namespace, p.metadata.name!);
    } catch {
      // Already gone.
    }
  }

  private updateStatus(
    ds: DaemonSet,
    pods: Pod[],
    desired: number,
    misscheduled: number,
    hash: string,
    now: number,
  ): void {
    const minReady = ds.spec.minReadySeconds ?? 0;
    let ready = 0;
    let updated = 0;
    let available = 0;
    for (const p of pods) {
      if (isPodReady(p)) ready++;
      if (p.metadata.labels?.["controller-revision-hash"] === hash) updated++;
      if (isPodAvailable(p, minReady, now)) available++;
    }
    const status = {
      currentNumberScheduled: pods.length - misscheduled,
      numberMisscheduled: misscheduled,
      desiredNumberScheduled: desired,
      numberReady: ready,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: updated,
      numberAvailable: available,
      numberUnavailable: 0,
    };
    status.numberUnavailable = Math.max(0, desired - status.numberAvailable);
    // The first four counts are always written; the others only when not zero.
    const compact: Record<string, number | undefined> = {
      currentNumberScheduled: status.currentNumberScheduled,
      numberMisscheduled: status.numberMisscheduled,
      desiredNumberScheduled: status.desiredNumberScheduled,
      numberReady: status.numberReady,
    };
    if (status.observedGeneration !== 0) compact.observedGeneration = status.observedGeneration;
    if (status.updatedNumberScheduled !== 0) compact.updatedNumberScheduled = status.updatedNumberScheduled;
    if (status.numberAvailable !== 0) compact.numberAvailable = status.numberAvailable;
    if (status.numberUnavailable !== 0) compact.numberUnavailable = status.numberUnavailable;
    if (jsonEqual(compact, ds.status ?? {})) return;
    const { namespace, name } = splitKey(keyOf(ds));
    try {
      this.api.replaceStatus<DaemonSet>("daemonsets", namespace, name, compact as DaemonSet["status"]);
    } catch {
      // Deleted meanwhile.
    }
  }
}
