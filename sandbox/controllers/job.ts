// The Job controller: runs a job's pods to completion, counts their outcomes through the job-tracking
// finalizer, and marks the job Complete or Failed (v1.32: SuccessCriteriaMet / FailureTarget first).

import { controllerOf } from "../api/owners.ts";
import type { Condition, Job, JobStatus, Pod } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import type { EventRecorder } from "../client/events.ts";
import { type InformerFactory, keyFor, keyOf, splitKey } from "../client/informer.ts";
import { WorkQueue } from "../client/workqueue.ts";
import { clone } from "../util/clone.ts";
import { parseTime, rfc3339 } from "../util/time.ts";
import {
  BACKOFF_LIMIT_EXCEEDED,
  COMPLETIONS_REACHED,
  DEADLINE_EXCEEDED,
  hasCondition,
  isFinished,
  trueCondition,
} from "./job-conditions.ts";
import { Expectations, OwnerIndex } from "./owner-index.ts";
import { controllerRef, isPodActive, isPodReady } from "./pod-util.ts";

/** The finalizer the job controller puts on its pods until it has counted them. */
const JOB_TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";

/** Back-off between failed pods: 10 s doubling per consecutive failure, at most 10 min. */
const BACKOFF_BASE_MS = 10_000;
const BACKOFF_MAX_MS = 600_000;

interface BackoffRecord {
  failuresAfterSuccess: number;
  lastFailure: number;
}

const hasFinalizer = (p: Pod) => (p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
const isTerminal = (p: Pod) => p.status?.phase === "Succeeded" || p.status?.phase === "Failed";

/** The Job controller. */
export class JobController {
  private readonly api: ApiServer;
  private readonly informers: InformerFactory;
  private readonly recorder: EventRecorder;
  private readonly queue: WorkQueue;
  private readonly owners = new OwnerIndex<Pod>();
  private readonly expectations = new Expectations();
  /** Per job uid, the pods whose finalizer this controller removed (counted, though the cache may lag). */
  private readonly counted = new Map<string, Set<string>>();
  private readonly backoff = new Map<string, BackoffRecord>();
  private readonly wakeAt = new Map<string, number>();

  constructor(api: ApiServer, informers: InformerFactory, recorder: EventRecorder) {
    this.api = api;
    this.informers = informers;
    this.recorder = recorder;
    this.queue = new WorkQueue({ loop: api.loop, reconcile: (k) => this.reconcile(k) });
    informers.for<Job>("jobs").on({
      add: (j) => this.queue.add(keyOf(j)),
      update: (_o, j) => this.queue.add(keyOf(j)),
      delete: (j) => this.forget(j),
    });
    informers.for<Pod>("pods").on({
      add: (p) => this.onPod(undefined, p),
      update: (o, p) => this.onPod(o, p),
      delete: (p) => this.onPod(p, undefined),
    });
  }

  private forget(j: Job): void {
    const uid = j.metadata.uid ?? "";
    this.expectations.delete(keyOf(j));
    this.counted.delete(uid);
    this.backoff.delete(uid);
  }

  private onPod(old: Pod | undefined, cur: Pod | undefined): void {
    const p = (cur ?? old)!;
    const ref = controllerOf(p);
    // Only a job's pods are indexed (and a pod that stops being one leaves): most pods belong to ReplicaSets.
    if (ref?.kind !== "Job" && (!old || controllerOf(old)?.kind !== "Job")) return;
    this.owners.update(old, cur);
    if (ref?.kind !== "Job") return;
    const key = keyFor(p.metadata.namespace, ref.name);
    if (!old && cur) this.expectations.observeAdd(key);
    if (old && !cur) this.expectations.observeDel(key);
    if (old && cur && !old.metadata.deletionTimestamp && cur.metadata.deletionTimestamp)
      this.expectations.observeDel(key);
    // A pod whose job is gone keeps its finalizer until this controller lets it go.
    if (cur && hasFinalizer(cur) && this.informers.for<Job>("jobs").get(key)?.metadata.uid !== ref.uid)
      this.queue.add(`orphan:${keyOf(cur)}`);
    this.queue.add(key);
  }

  /** Reconcile one job (`ns/name`), or release the finalizer of an orphaned pod (`orphan:ns/name`). */
  reconcile(key: string): void {
    if (key.startsWith("orphan:")) {
      this.releaseOrphan(key.slice("orphan:".length));
      return;
    }
    const { namespace, name } = splitKey(key);
    // Read through the API rather than the cache: the counts in status must never be stale.
    const job = this.api.tryGet<Job>("jobs", namespace, name);
    if (!job || isFinished(job)) return;
    const uid = job.metadata.uid!;
    const pods = this.owners.objects(uid);
    if (job.metadata.deletionTimestamp) {
      for (const p of pods) if (hasFinalizer(p)) this.removeFinalizer(p);
      return;
    }
    const now = this.api.loop.now();
    const stamp = rfc3339(now);
    const status: JobStatus = clone(job.status ?? {});
    const conditions: Condition[] = status.conditions ?? [];
    this.count(job, pods, status, now);
    let active = pods.filter(isPodActive);
    const terminating = pods.filter((p) => p.metadata.deletionTimestamp && !isTerminal(p)).length;
    const spec = job.spec;
    const suspended = spec.suspend === true;
    if (!status.startTime && !suspended) status.startTime = stamp;
    let target = hasCondition(job, "SuccessCriteriaMet")
      ? "Complete"
      : hasCondition(job, "FailureTarget")
        ? "Failed"
        : "";
    if (!target) {
      const why = this.failure(job, status, active, now);
      if (why) {
        conditions.push(trueCondition("FailureTarget", why, stamp));
        target = "Failed";
      } else if (this.succeeded(job, status, active.length)) {
        conditions.push(trueCondition("SuccessCriteriaMet", COMPLETIONS_REACHED, stamp));
        target = "Complete";
      }
    }
    if (target) {
      this.deletePods(job, active);
      if (
        active.length === 0 &&
        terminating === 0 &&
        pods.every((p) => !hasFinalizer(p) || this.isCounted(uid, p))
      )
        this.finish(job, status, conditions, target, stamp);
      active = [];
    } else if (suspended) {
      this.deletePods(job, active);
      active = [];
      this.markSuspended(job, conditions, stamp);
    } else {
      this.markResumed(job, status, conditions, stamp);
      active = this.managePods(job, status, active, now);
      if (spec.activeDeadlineSeconds !== undefined && status.startTime)
        this.wake(key, parseTime(status.startTime) + spec.activeDeadlineSeconds * 1000, now);
    }
    status.conditions = conditions.length > 0 ? conditions : undefined;
    status.active = active.length || undefined;
    status.ready = active.filter(isPodReady).length;
    status.terminating = terminating;
    status.uncountedTerminatedPods = {};
    this.writeStatus(job, status);
  }

  private isCounted(uid: string, p: Pod): boolean {
    return this.counted.get(uid)?.has(p.metadata.uid ?? "") ?? false;
  }

  // Count pods that ended since the last pass and let go of their finalizers.
  private count(job: Job, pods: Pod[], status: JobStatus, now: number): void {
    const uid = job.metadata.uid!;
    const seen = this.counted.get(uid) ?? new Set<string>();
    this.counted.set(uid, seen);
    let succeeded = 0;
    let failed = 0;
    for (const p of pods) {
      if (!hasFinalizer(p) || this.isCounted(uid, p)) continue;
      const phase = p.status?.phase;
      if (phase === "Succeeded") succeeded++;
      else if (phase === "Failed" || p.metadata.deletionTimestamp) failed++;
      else continue;
      seen.add(p.metadata.uid ?? "");
      this.removeFinalizer(p);
    }
    if (succeeded) status.succeeded = (status.succeeded ?? 0) + succeeded;
    if (failed) status.failed = (status.failed ?? 0) + failed;
    const rec = this.backoff.get(uid) ?? { failuresAfterSuccess: 0, lastFailure: 0 };
    if (succeeded) rec.failuresAfterSuccess = 0;
    if (failed) {
      rec.failuresAfterSuccess += failed;
      rec.lastFailure = now;
    }
    this.backoff.set(uid, rec);
  }

  private failure(job: Job, status: JobStatus, active: Pod[], now: number) {
    const limit = job.spec.backoffLimit ?? 6;
    let restarts = 0;
    if (job.spec.template.spec.restartPolicy === "OnFailure")
      for (const p of active) for (const c of p.status?.containerStatuses ?? []) restarts += c.restartCount;
    const onFailure = restarts > 0 && (limit === 0 || restarts >= limit);
    if ((status.failed ?? 0) > limit || onFailure) return BACKOFF_LIMIT_EXCEEDED;
    const ads = job.spec.activeDeadlineSeconds;
    if (ads !== undefined && status.startTime && now >= parseTime(status.startTime) + ads * 1000)
      return DEADLINE_EXCEEDED;
    return undefined;
  }

  private succeeded(job: Job, status: JobStatus, active: number): boolean {
    const done = status.succeeded ?? 0;
    const completions = job.spec.completions;
    // Without completions (a work queue) the first success ends the job once no pod runs.
    return completions === undefined ? done > 0 && active === 0 : done >= completions;
  }

  private finish(job: Job, status: JobStatus, conditions: Condition[], type: string, stamp: string): void {
    const target = conditions.find(
      (c) => c.type === (type === "Complete" ? "SuccessCriteriaMet" : "FailureTarget"),
    );
    const why = { reason: target?.reason ?? "", message: target?.message ?? "" };
    conditions.push(trueCondition(type, why, stamp));
    if (type === "Complete") {
      status.completionTime = stamp;
      this.recorder.record(job, "Normal", "Completed", "Job completed");
    } else this.recorder.record(job, "Warning", why.reason, why.message);
  }

  private markSuspended(job: Job, conditions: Condition[], stamp: string): void {
    const c = conditions.find((x) => x.type === "Suspended");
    if (c?.status === "True") return;
    const next = trueCondition("Suspended", { reason: "JobSuspended", message: "Job suspended" }, stamp);
    if (c) Object.assign(c, next);
    else conditions.push(next);
    this.recorder.record(job, "Normal", "Suspended", "Job suspended");
  }

  private markResumed(job: Job, status: JobStatus, conditions: Condition[], stamp: string): void {
    const c = conditions.find((x) => x.type === "Suspended");
    if (c?.status !== "True") return;
    Object.assign(c, { status: "False", reason: "JobResumed", message: "Job resumed" });
    c.lastProbeTime = stamp;
    c.lastTransitionTime = stamp;
    status.startTime = stamp;
    this.recorder.record(job, "Normal", "Resumed", "Job resumed");
  }

  // Create or delete pods toward min(parallelism, completions left); returns the active pods after.
  private managePods(job: Job, status: JobStatus, active: Pod[], now: number): Pod[] {
    const key = keyOf(job);
    const parallelism = job.spec.parallelism ?? 1;
    const done = status.succeeded ?? 0;
    const completions = job.spec.completions;
    let want = parallelism;
    if (completions !== undefined) want = Math.min(parallelism, Math.max(0, completions - done));
    else if (done > 0) want = Math.min(active.length, parallelism);
    if (!this.expectations.satisfied(key)) return active;
    if (want < active.length) {
      const extra = active.slice(want);
      this.deletePods(job, extra);
      return active.slice(0, want);
    }
    const rec = this.backoff.get(job.metadata.uid!);
    if (want > active.length && rec && rec.failuresAfterSuccess > 0) {
      const delay = Math.min(BACKOFF_BASE_MS * 2 ** (rec.failuresAfterSuccess - 1), BACKOFF_MAX_MS);
      if (now < rec.lastFailure + delay) {
        this.wake(key, rec.lastFailure + delay, now);
        return active;
      }
    }
    const created = this.createPods(job, want - active.length);
    return [...active, ...created];
  }

  private createPods(job: Job, n: number): Pod[] {
    const key = keyOf(job);
    const out: Pod[] = [];
    if (n <= 0) return out;
    this.expectations.expect(key, n, 0);
    for (let i = 0; i < n; i++) {
      const tpl = clone(job.spec.template);
      const pod: Pod = {
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          generateName: `${job.metadata.name}-`,
          namespace: job.metadata.namespace,
          labels: tpl.metadata?.labels,
          ...(tpl.metadata?.annotations ? { annotations: tpl.metadata.annotations } : {}),
          ownerReferences: [controllerRef(job)],
          finalizers: [JOB_TRACKING_FINALIZER],
        },
        spec: tpl.spec,
      };
      try {
        const created = this.api.create<Pod>("pods", pod, { handOff: true });
        out.push(created);
        this.recorder.record(job, "Normal", "SuccessfulCreate", `Created pod: ${created.metadata.name}`);
      } catch (err) {
        this.expectations.observeAdd(key);
        const msg = err instanceof Error ? err.message : String(err);
        this.recorder.record(job, "Warning", "FailedCreate", `Error creating: ${msg}`);
      }
    }
    return out;
  }

  private deletePods(job: Job, pods: Pod[]): void {
    if (pods.length === 0) return;
    const key = keyOf(job);
    this.expectations.expect(key, 0, pods.length);
    for (const p of pods) {
      try {
        this.api.delete("pods", p.metadata.namespace, p.metadata.name!);
        this.recorder.record(job, "Normal", "SuccessfulDelete", `Deleted pod: ${p.metadata.name}`);
      } catch {
        this.expectations.observeDel(key);
      }
    }
  }

  private removeFinalizer(p: Pod): void {
    try {
      this.api.mutate<Pod>("pods", p.metadata.namespace, p.metadata.name!, (cur) => {
        const rest = (cur.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
        if (rest.length === (cur.metadata.finalizers ?? []).length) return false;
        cur.metadata.finalizers = rest.length > 0 ? rest : undefined;
        return true;
      });
    } catch {
      // Gone already.
    }
  }

  private releaseOrphan(podKey: string): void {
    const { namespace, name } = splitKey(podKey);
    const pod = this.api.tryGet<Pod>("pods", namespace, name);
    if (!pod || !hasFinalizer(pod)) return;
    const ref = controllerOf(pod);
    const job = ref ? this.api.tryGet<Job>("jobs", namespace, ref.name) : undefined;
    if (!job || job.metadata.uid !== ref?.uid || job.metadata.deletionTimestamp) this.removeFinalizer(pod);
  }

  // Queue the job again at `at` (an earlier pending wake-up covers a later one).
  private wake(key: string, at: number, now: number): void {
    const pending = this.wakeAt.get(key);
    if (pending !== undefined && pending <= at && pending > now) return;
    this.wakeAt.set(key, at);
    this.api.loop.schedule(Math.max(0, at - now), () => {
      if (this.wakeAt.get(key) === at) this.wakeAt.delete(key);
      this.queue.add(key);
    });
  }

  private writeStatus(job: Job, status: JobStatus): void {
    if (JSON.stringify(status) === JSON.stringify(job.status ?? {})) return;
    const { namespace, name } = splitKey(keyOf(job));
    try {
      this.api.replaceStatus<Job>("jobs", namespace, name, status);
    } catch {
      // Deleted meanwhile.
    }
  }
}
