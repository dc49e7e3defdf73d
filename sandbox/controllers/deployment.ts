// The Deployment controller: one ReplicaSet per pod template, rolled by surge and unavailability budgets.

import {
  annotationsToCopy,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  REVISION,
  REVISION_HISTORY,
} from "../api/deployment-annotations.ts";
import { controllerOf } from "../api/owners.ts";
import type { Condition, Deployment, Pod, ReplicaSet } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import type { EventRecorder } from "../client/events.ts";
import { type InformerFactory, keyFor, keyOf, splitKey } from "../client/informer.ts";
import { WorkQueue } from "../client/workqueue.ts";
import { clone } from "../util/clone.ts";
import { jsonEqual } from "../util/json-equal.ts";
import { rfc3339 } from "../util/time.ts";
import { budgets, replicasOnCreate } from "./deployment-math.ts";
import { deploymentTemplateText, templateText } from "./deployment-template.ts";
import { OwnerIndex } from "./owner-index.ts";
import { controllerRef, templateHash } from "./pod-util.ts";

function revisionOf(rs: ReplicaSet): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0);
}

// The status conditions this controller built: a status update whose condition is unchanged keeps it rather
// than a rebuilt copy (the stored status holds the objects it was handed).
const madeConditions = new WeakSet<object>();

/** The Deployment controller. */
export class DeploymentController {
  private readonly api: ApiServer;
  private readonly queue: WorkQueue;
  private readonly owners = new OwnerIndex<ReplicaSet>();
  private readonly informers: InformerFactory;
  private readonly recorder: EventRecorder;

  constructor(api: ApiServer, informers: InformerFactory, recorder: EventRecorder) {
    this.api = api;
    this.informers = informers;
    this.recorder = recorder;
    this.queue = new WorkQueue({ loop: api.loop, reconcile: (k) => this.reconcile(k) });
    informers.for<Deployment>("deployments").on({
      add: (d) => this.queue.add(keyOf(d)),
      update: (_o, d) => this.queue.add(keyOf(d)),
    });
    informers.for<ReplicaSet>("replicasets").on({
      add: (rs) => this.onRS(undefined, rs),
      update: (o, rs) => this.onRS(o, rs),
      delete: (rs) => this.onRS(rs, undefined),
    });
    // A Recreate rollout waits until its old pods are gone, so a pod's deletion can be what it waits for.
    informers.for<Pod>("pods").on({ delete: (p) => this.onPodGone(p) });
  }

  private onPodGone(pod: Pod): void {
    const ref = controllerOf(pod);
    if (ref?.kind !== "ReplicaSet") return;
    const rs = this.informers.for<ReplicaSet>("replicasets").get(`${pod.metadata.namespace}/${ref.name}`);
    const owner = rs && controllerOf(rs);
    if (owner?.kind !== "Deployment") return;
    const key = `${pod.metadata.namespace}/${owner.name}`;
    const d = this.informers.for<Deployment>("deployments").get(key);
    if (d?.spec.strategy?.type === "Recreate") this.queue.add(key);
  }

  // Whether old ReplicaSets still want, count or own pods that have not finished: a terminating pod counts
  // (the controller's oldPodsRunning), though its ReplicaSet no longer does.
  private oldPodsRunning(olds: readonly ReplicaSet[]): boolean {
    if (olds.some((o) => (o.spec.replicas ?? 0) > 0 || (o.status?.replicas ?? 0) > 0)) return true;
    if (olds.length === 0) return false;
    const uids = new Set(olds.map((o) => o.metadata.uid));
    for (const p of this.informers.for<Pod>("pods").list(olds[0].metadata.namespace)) {
      const ref = controllerOf(p);
      if (ref && uids.has(ref.uid) && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed")
        return true;
    }
    return false;
  }

  private onRS(old: ReplicaSet | undefined, cur: ReplicaSet | undefined): void {
    this.owners.update(old, cur);
    const obj = (cur ?? old)!;
    const ref = controllerOf(obj);
    if (ref?.kind === "Deployment") this.queue.add(keyFor(obj.metadata.namespace, ref.name));
  }

  /** Drive one deployment one step toward its template and replica count, then refresh its status. */
  reconcile(key: string): void {
    const d = this.informers.for<Deployment>("deployments").get(key);
    if (!d || d.metadata.deletionTimestamp) return;
    const all: ReplicaSet[] = [];
    for (const r of this.owners.objects(d.metadata.uid!)) if (!r.metadata.deletionTimestamp) all.push(r);
    const wantTpl = deploymentTemplateText(d);
    let newRS = all.find((rs) => templateText(rs) === wantTpl);
    const olds = all.filter((rs) => rs !== newRS);
    const replicas = d.spec.replicas ?? 1;
    if (d.spec.paused) {
      this.updateStatus(d, newRS, all);
      return;
    }
    let maxRev = 0;
    for (const rs of all) maxRev = Math.max(maxRev, revisionOf(rs));
    const recreate = d.spec.strategy?.type === "Recreate";
    if (!newRS) {
      // As the real controller: a Recreate rollout makes its new ReplicaSet only once the old pods are gone.
      if (recreate && this.oldPodsRunning(olds)) {
        for (const o of olds) this.scale(d, o, 0);
        this.updateStatus(d, undefined, all);
        return;
      }
      // The template's hash names a new ReplicaSet; nothing else needs it.
      const hash = templateHash(d.spec.template, d.status?.collisionCount);
      newRS = this.createRS(d, hash, maxRev + 1, recreate ? replicas : replicasOnCreate(d, olds, replicas));
      if (!newRS) return;
      all.push(newRS);
    } else {
      if (revisionOf(newRS) < maxRev && olds.some((o) => (o.spec.replicas ?? 0) > 0))
        newRS = this.setRSRevision(newRS, maxRev + 1) ?? newRS;
      const copied = annotationsToCopy(d.metadata.annotations, newRS.metadata.annotations);
      if (copied) newRS = this.annotateRS(newRS, copied) ?? newRS;
    }
    // The deployment carries its newest ReplicaSet's revision (a rollback moves it to the new number).
    const revision = newRS.metadata.annotations?.[REVISION];
    if (revision && d.metadata.annotations?.[REVISION] !== revision)
      this.setAnnotationRevision(d, Number(revision));
    if (recreate) this.recreate(d, newRS, olds, replicas);
    else this.rolling(d, newRS, olds, replicas);
    this.cleanup(d, olds);
    this.updateStatus(d, newRS, all);
  }

  private createRS(d: Deployment, hash: string, revision: number, replicas: number): ReplicaSet | undefined {
    const tpl = clone(d.spec.template);
    tpl.metadata ??= {};
    tpl.metadata.labels = { ...(tpl.metadata.labels ?? {}), "pod-template-hash": hash };
    const { maxSurge } = budgets(d);
    const rs: ReplicaSet = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: tpl.metadata.labels,
        annotations: {
          ...annotationsToCopy(d.metadata.annotations, undefined),
          [DESIRED_REPLICAS]: String(d.spec.replicas ?? 1),
          [MAX_REPLICAS]: String(
            (d.spec.replicas ?? 1) + (d.spec.strategy?.type === "Recreate" ? 0 : maxSurge),
          ),
          [REVISION]: String(revision),
        },
        ownerReferences: [controllerRef(d)],
      },
      spec: {
        replicas,
        selector: {
          ...d.spec.selector,
          matchLabels: { ...(d.spec.selector.matchLabels ?? {}), "pod-template-hash": hash },
        },
        template: tpl,
        ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      },
    };
    try {
      const created = this.api.create<ReplicaSet>("replicasets", rs);
      if (replicas > 0)
        this.recorder.record(
          d,
          "Normal",
          "ScalingReplicaSet",
          `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`,
        );
      this.setAnnotationRevision(d, revision);
      return created;
    } catch {
      return undefined;
    }
  }

  private setRSRevision(rs: ReplicaSet, revision: number): ReplicaSet | undefined {
    const { namespace, name } = splitKey(keyOf(rs));
    try {
      return this.api.mutate<ReplicaSet>("replicasets", namespace, name, (o) => {
        const annotations: Record<string, string> = {
          ...(o.metadata.annotations ?? {}),
          [REVISION]: String(revision),
        };
        // The revision it had joins its revision history, as the controller keeps it.
        const old = o.metadata.annotations?.[REVISION];
        if (old) {
          const history = o.metadata.annotations?.[REVISION_HISTORY];
          annotations[REVISION_HISTORY] = history ? `${history},${old}` : old;
        }
        o.metadata.annotations = annotations;
        return true;
      });
    } catch {
      return undefined;
    }
  }

  // Copy the Deployment's own annotations (a change-cause, say) onto its current ReplicaSet.
  private annotateRS(rs: ReplicaSet, copied: Record<string, string>): ReplicaSet | undefined {
    const { namespace, name } = splitKey(keyOf(rs));
    try {
      return this.api.mutate<ReplicaSet>("replicasets", namespace, name, (o) => {
        o.metadata.annotations = { ...(o.metadata.annotations ?? {}), ...copied };
        return true;
      });
    } catch {
      return undefined;
    }
  }

  private setAnnotationRevision(d: Deployment, revision: number): void {
    const { namespace, name } = splitKey(keyOf(d));
    try {
      this.api.mutate<Deployment>("deployments", namespace, name, (o) => {
        if (o.metadata.annotations?.[REVISION] === String(revision)) return false;
        o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [REVISION]: String(revision) };
        return true;
      });
    } catch {
      // The deployment is gone; its next reconcile will not happen.
    }
  }

  private scale(d: Deployment, rs: ReplicaSet, to: number): void {
    const from = rs.spec.replicas ?? 0;
    if (from === to) return;
    const { namespace, name } = splitKey(keyOf(rs));
    try {
      this.api.mutate<ReplicaSet>("replicasets", namespace, name, (o) => {
        o.spec.replicas = to;
        o.metadata.annotations = {
          ...(o.metadata.annotations ?? {}),
          [DESIRED_REPLICAS]: String(d.spec.replicas ?? 1),
        };
        return true;
      });
      const dir = to > from ? "up" : "down";
      this.recorder.record(
        d,
        "Normal",
        "ScalingReplicaSet",
        `Scaled ${dir} replica set ${rs.metadata.name} from ${from} to ${to}`,
      );
    } catch {
      // Retried on the next event for this deployment.
    }
  }

  private rolling(d: Deployment, newRS: ReplicaSet, olds: ReplicaSet[], replicas: number): void {
    // `replicas` is the deployment's own count, so its spec's budgets apply.
    const { maxSurge, maxUnavailable } = budgets(d);
    const activeOlds = olds.filter((o) => (o.spec.replicas ?? 0) > 0);
    const newReplicas = newRS.spec.replicas ?? 0;
    if (activeOlds.length === 0) {
      this.scale(d, newRS, replicas);
      return;
    }
    const total = newReplicas + activeOlds.reduce((a, o) => a + (o.spec.replicas ?? 0), 0);
    if (newReplicas < replicas) {
      const room = replicas + maxSurge - total;
      if (room > 0) this.scale(d, newRS, Math.min(replicas, newReplicas + room));
    } else if (newReplicas > replicas) {
      this.scale(d, newRS, replicas);
    }
    // Scale old ReplicaSets down only as far as availability allows (the controller's maxScaledDown).
    const minAvailable = replicas - maxUnavailable;
    const newUnavailable = Math.max(0, (newRS.spec.replicas ?? 0) - (newRS.status?.availableReplicas ?? 0));
    const oldUnavailable = activeOlds.reduce(
      (a, o) => a + Math.max(0, (o.spec.replicas ?? 0) - (o.status?.availableReplicas ?? 0)),
      0,
    );
    let budget = Math.max(0, total - minAvailable - newUnavailable - oldUnavailable) + oldUnavailable;
    const sorted = [...activeOlds].sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const o of sorted) {
      if (budget <= 0) break;
      const cur = o.spec.replicas ?? 0;
      const down = Math.min(cur, budget);
      this.scale(d, o, cur - down);
      budget -= down;
    }
  }

  private recreate(d: Deployment, newRS: ReplicaSet, olds: ReplicaSet[], replicas: number): void {
    const running = this.oldPodsRunning(olds);
    for (const o of olds) this.scale(d, o, 0);
    if (!running) this.scale(d, newRS, replicas);
  }

  private cleanup(d: Deployment, olds: ReplicaSet[]): void {
    const limit = d.spec.revisionHistoryLimit ?? 10;
    const idle = olds
      .filter((o) => (o.spec.replicas ?? 0) === 0 && (o.status?.replicas ?? 0) === 0)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const o of idle.slice(0, Math.max(0, idle.length - limit))) {
      try {
        this.api.delete("replicasets", o.metadata.namespace, o.metadata.name!);
      } catch {
        // Already gone.
      }
    }
  }

  private updateStatus(d: Deployment, newRS: ReplicaSet | undefined, all: ReplicaSet[]): void {
    const cache = this.informers.for<ReplicaSet>("replicasets");
    let replicas = 0;
    let ready = 0;
    let available = 0;
    for (const r of all) {
      const st = (cache.get(keyOf(r)) ?? r).status;
      replicas += st?.replicas ?? 0;
      ready += st?.readyReplicas ?? 0;
      available += st?.availableReplicas ?? 0;
    }
    const updated = newRS ? ((cache.get(keyOf(newRS)) ?? newRS).status?.replicas ?? 0) : 0;
    const want = d.spec.replicas ?? 1;
    const unavailable = Math.max(0, want - available);
    const { maxUnavailable } = budgets(d);
    const now = rfc3339(this.api.loop.now());
    const isAvailable = available >= want - (d.spec.strategy?.type === "Recreate" ? 0 : maxUnavailable);
    const complete = newRS && updated === want && available >= want && replicas === want;
    const prevConds = d.status?.conditions ?? [];
    const cond = (type: string, status: "True" | "False", reason: string, message: string): Condition => {
      const prev = prevConds.find((c) => c.type === type);
      const same = prev && prev.status === status;
      // Unchanged, one this controller made is kept: rebuilding it would give the same keys and values.
      if (same && prev.reason === reason && prev.message === message && madeConditions.has(prev)) return prev;
      const made = {
        type,
        status,
        lastUpdateTime:
          prev && prev.reason === reason && prev.message === message
            ? (prev as Condition & { lastUpdateTime?: string }).lastUpdateTime
            : now,
        lastTransitionTime: same ? prev.lastTransitionTime : now,
        reason,
        message,
      } as Condition;
      madeConditions.add(made);
      return made;
    };
    const conditions: Condition[] = [
      isAvailable
        ? cond("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.")
        : cond(
            "Available",
            "False",
            "MinimumReplicasUnavailable",
            "Deployment does not have minimum availability.",
          ),
      complete
        ? cond(
            "Progressing",
            "True",
            "NewReplicaSetAvailable",
            `ReplicaSet "${newRS!.metadata.name}" has successfully progressed.`,
          )
        : cond(
            "Progressing",
            "True",
            "ReplicaSetUpdated",
            `ReplicaSet "${newRS?.metadata.name}" is progressing.`,
          ),
    ];
    // Both kept: the list is the previous one (stored objects are never changed in place).
    const conds =
      prevConds.length === 2 && prevConds[0] === conditions[0] && prevConds[1] === conditions[1]
        ? prevConds
        : conditions;
    // Zero and absent counts are left out, as the real status's omitempty fields are.
    const compact: Record<string, unknown> = {};
    const generation = d.metadata.generation;
    if (generation !== 0 && generation !== undefined) compact.observedGeneration = generation;
    if (replicas !== 0) compact.replicas = replicas;
    if (updated !== 0) compact.updatedReplicas = updated;
    if (ready !== 0) compact.readyReplicas = ready;
    if (available !== 0) compact.availableReplicas = available;
    if (unavailable !== 0) compact.unavailableReplicas = unavailable;
    compact.conditions = conds;
    if (d.status?.collisionCount) compact.collisionCount = d.status.collisionCount;
    if (jsonEqual(compact, d.status ?? {})) return;
    const { namespace, name } = splitKey(keyOf(d));
    try {
      this.api.replaceStatus<Deployment>("deployments", namespace, name, compact);
    } catch {
      // Deleted meanwhile.
    }
  }
}
