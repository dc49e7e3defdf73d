// The ReplicaSet controller: keeps the number of live pods matching spec.replicas.

import { controllerOf } from "../api/owners.ts";
import type { OwnerReference, Pod, ReplicaSet } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import type { EventRecorder } from "../client/events.ts";
import { type InformerFactory, keyFor, keyOf, splitKey } from "../client/informer.ts";
import { WorkQueue } from "../client/workqueue.ts";
import { clone } from "../util/clone.ts";
import { Expectations, OwnerIndex } from "./owner-index.ts";
import { controllerRef, isPodActive, isPodAvailable, isPodReady } from "./pod-util.ts";

/** Rank pods for deletion: the ones least worth keeping first (as the real controller's ActivePods order). */
function deletionRank(p: Pod): number[] {
  const assigned = p.spec.nodeName ? 1 : 0;
  const phase = p.status?.phase === "Pending" ? 0 : p.status?.phase === "Unknown" ? 1 : 2;
  const ready = isPodReady(p) ? 1 : 0;
  const restarts = -(p.status?.containerStatuses ?? []).reduce((a, c) => a + c.restartCount, 0);
  const created = -Date.parse(p.metadata.creationTimestamp ?? "1970-01-01T00:00:00Z");
  return [assigned, phase, ready, restarts, created];
}

/** What every pod a ReplicaSet creates carries alike. */
interface PodStamp {
  uid: string | undefined;
  name: string | undefined;
  generateName: string;
  ownerReferences: OwnerReference[];
}

// By the ReplicaSet's template object, which its status writes keep (a new ReplicaSet object has its own).
const stamps = new WeakMap<object, PodStamp>();

function podStamp(rs: ReplicaSet): PodStamp {
  const found = stamps.get(rs.spec.template);
  if (found && found.uid === rs.metadata.uid && found.name === rs.metadata.name) return found;
  const made: PodStamp = {
    uid: rs.metadata.uid,
    name: rs.metadata.name,
    generateName: `${rs.metadata.name}-`,
    ownerReferences: [controllerRef(rs)],
  };
  stamps.set(rs.spec.template, made);
  return made;
}

const INACTIVE = 0;
const NOT_READY = 1;
const READY = 2;

/** A pod's class in the owner index: terminal or deleted, active, or active and ready. */
function podClass(p: Pod): number {
  if (!isPodActive(p)) return INACTIVE;
  return isPodReady(p) ? READY : NOT_READY;
}

/** The ReplicaSet controller. */
export class ReplicaSetController {
  private readonly api: ApiServer;
  private readonly queue: WorkQueue;
  private readonly owners = new OwnerIndex<Pod>(podClass);
  private readonly expectations = new Expectations();
  private readonly informers: InformerFactory;
  private readonly recorder: EventRecorder;

  constructor(api: ApiServer, informers: InformerFactory, recorder: EventRecorder) {
    this.api = api;
    this.informers = informers;
    this.recorder = recorder;
    this.queue = new WorkQueue({ loop: api.loop, reconcile: (k) => this.reconcile(k) });
    informers.for<ReplicaSet>("replicasets").on({
      add: (rs) => this.queue.add(keyOf(rs)),
      update: (_o, rs) => this.queue.add(keyOf(rs)),
      delete: (rs) => this.expectations.delete(keyOf(rs)),
    });
    informers.for<Pod>("pods").on({
      add: (p) => this.onPod(undefined, p),
      update: (o, p) => this.onPod(o, p),
      delete: (p) => this.onPod(p, undefined),
    });
  }

  private ownerKey(p: Pod): string | undefined {
    const ref = controllerOf(p);
    return ref?.kind === "ReplicaSet" ? keyFor(p.metadata.namespace, ref.name) : undefined;
  }

  private onPod(old: Pod | undefined, cur: Pod | undefined): void {
    this.owners.update(old, cur);
    const key = this.ownerKey((cur ?? old)!);
    if (!key) return;
    if (!old && cur) this.expectations.observeAdd(key);
    if (old && !cur) this.expectations.observeDel(key);
    if (old && cur && !old.metadata.deletionTimestamp && cur.metadata.deletionTimestamp)
      this.expectations.observeDel(key);
    this.queue.add(key);
  }

  /** Bring one ReplicaSet's pods to its desired count and refresh its status. */
  reconcile(key: string): void {
    const rs = this.informers.for<ReplicaSet>("replicasets").get(key);
    if (!rs || rs.metadata.deletionTimestamp) return;
    const uid = rs.metadata.uid!;
    // Counted as pods come and go, and read before this reconcile's own writes change them.
    const ready = this.owners.countOf(uid, READY);
    const activeCount = this.owners.countOf(uid, NOT_READY) + ready;
    const minReady = rs.spec.minReadySeconds ?? 0;
    const satisfied = this.expectations.satisfied(key);
    const diff = activeCount - (rs.spec.replicas ?? 1);
    // The pods themselves are needed only to pick some to delete or to time their availability.
    const active: Pod[] = [];
    if ((satisfied && diff > 0) || minReady > 0)
      for (const p of this.owners.objects(uid)) if (isPodActive(p)) active.push(p);
    if (satisfied) {
      if (diff < 0) this.createPods(rs, -diff);
      else if (diff > 0) this.deletePods(rs, active, diff);
    }
    this.updateStatus(rs, activeCount, ready, active);
  }

  private createPods(rs: ReplicaSet, n: number): void {
    this.expectations.expect(keyOf(rs), n, 0);
    const stamp = podStamp(rs);
    const tplMeta = rs.spec.template.metadata;
    for (let i = 0; i < n; i++) {
      // Only the spec is the pod's own (the server fills it in place); the labels, annotations, generateName
      // and controller reference are shared with the ReplicaSet's other pods: stored objects are never
      // changed in place.
      const pod: Pod = {
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          generateName: stamp.generateName,
          namespace: rs.metadata.namespace,
          labels: tplMeta?.labels,
          ...(tplMeta?.annotations ? { annotations: tplMeta.annotations } : {}),
          ownerReferences: stamp.ownerReferences,
        },
        spec: clone(rs.spec.template.spec),
      };
      try {
        const created = this.api.create<Pod>("pods", pod, { handOff: true });
        this.recorder.record(rs, "Normal", "SuccessfulCreate", `Created pod: ${created.metadata.name}`);
      } catch (err) {
        this.expectations.observeAdd(keyOf(rs));
        const msg = err instanceof Error ? err.message : String(err);
        this.recorder.record(rs, "Warning", "FailedCreate", `Error creating: ${msg}`);
      }
    }
  }

  private deletePods(rs: ReplicaSet, active: Pod[], n: number): void {
    const ranked = [...active].sort((a, b) => {
      const ra = deletionRank(a);
      const rb = deletionRank(b);
      for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
      return 0;
    });
    this.expectations.expect(keyOf(rs), 0, n);
    for (const p of ranked.slice(0, n)) {
      try {
        this.api.delete("pods", p.metadata.namespace, p.metadata.name!);
        this.recorder.record(rs, "Normal", "SuccessfulDelete", `Deleted pod: ${p.metadata.name}`);
      } catch {
        this.expectations.observeDel(keyOf(rs));
      }
    }
  }

  private updateStatus(rs: ReplicaSet, activeCount: number, ready: number, active: Pod[]): void {
    const now = this.api.loop.now();
    const minReady = rs.spec.minReadySeconds ?? 0;
    // Without minReadySeconds a pod is available exactly when it is ready.
    let availableReplicas = ready;
    if (minReady > 0) {
      availableReplicas = 0;
      for (const p of active) if (isPodAvailable(p, minReady, now)) availableReplicas++;
    }
    const status = {
      replicas: activeCount,
      fullyLabeledReplicas: activeCount,
      readyReplicas: ready,
      availableReplicas,
      observedGeneration: rs.metadata.generation,
    };
    const cur = rs.status ?? { replicas: 0 };
    const n = (v: number | undefined) => v ?? 0;
    if (
      n(cur.replicas) === status.replicas &&
      n(cur.readyReplicas) === status.readyReplicas &&
      n(cur.availableReplicas) === status.availableReplicas &&
      n(cur.fullyLabeledReplicas) === status.fullyLabeledReplicas &&
      cur.observedGeneration === status.observedGeneration
    ) {
      return;
    }
    const { namespace, name } = splitKey(keyOf(rs));
    try {
      // Zero counts are omitted from status, as the real object's omitempty fields are.
      const next = {
        replicas: status.replicas,
        observedGeneration: status.observedGeneration,
      } as NonNullable<ReplicaSet["status"]>;
      if (status.fullyLabeledReplicas) next.fullyLabeledReplicas = status.fullyLabeledReplicas;
      if (status.readyReplicas) next.readyReplicas = status.readyReplicas;
      if (status.availableReplicas) next.availableReplicas = status.availableReplicas;
      this.api.replaceStatus<ReplicaSet>("replicasets", namespace, name, next);
    } catch {
      // Deleted meanwhile: nothing to report.
    }
  }
}
