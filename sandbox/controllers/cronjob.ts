// The CronJob controller (v2): creates a job at each scheduled minute, honours concurrencyPolicy and
// suspend, tracks active jobs and prunes finished ones beyond the history limits.

import { controllerOf } from "../api/owners.ts";
import type { CronJob, Job, JobReference } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import type { EventRecorder } from "../client/events.ts";
import { type InformerFactory, keyFor, keyOf, splitKey } from "../client/informer.ts";
import { WorkQueue } from "../client/workqueue.ts";
import { clone } from "../util/clone.ts";
import { type CronSchedule, nextFire, parseCron } from "../util/cron-schedule.ts";
import { parseTime, rfc3339 } from "../util/time.ts";
import { finishedAt, hasCondition, isFinished } from "./job-conditions.ts";
import { OwnerIndex } from "./owner-index.ts";
import { controllerRef } from "./pod-util.ts";

/** The annotation holding the time a cron job's job was scheduled for. */
const SCHEDULED_TIMESTAMP = "batch.kubernetes.io/cronjob-scheduled-timestamp";

/** The name of the job a cron job creates for the run scheduled at `ms`: `<cronjob>-<minutes since epoch>`. */
function cronJobRunName(cronJob: string, ms: number): string {
  return `${cronJob}-${Math.floor(ms / 60_000)}`;
}

/** The CronJob controller. */
export class CronJobController {
  private readonly api: ApiServer;
  private readonly recorder: EventRecorder;
  private readonly queue: WorkQueue;
  private readonly jobs = new OwnerIndex<Job>();
  private readonly schedules = new Map<string, { text: string; parsed: CronSchedule }>();
  private readonly wakeAt = new Map<string, number>();

  constructor(api: ApiServer, informers: InformerFactory, recorder: EventRecorder) {
    this.api = api;
    this.recorder = recorder;
    this.queue = new WorkQueue({ loop: api.loop, reconcile: (k) => this.reconcile(k) });
    informers.for<CronJob>("cronjobs").on({
      add: (cj) => this.queue.add(keyOf(cj)),
      update: (_o, cj) => this.queue.add(keyOf(cj)),
    });
    informers.for<Job>("jobs").on({
      add: (j) => this.onJob(undefined, j),
      update: (o, j) => this.onJob(o, j),
      delete: (j) => this.onJob(j, undefined),
    });
  }

  private onJob(old: Job | undefined, cur: Job | undefined): void {
    this.jobs.update(old, cur);
    const j = (cur ?? old)!;
    const ref = controllerOf(j);
    if (ref?.kind === "CronJob") this.queue.add(keyFor(j.metadata.namespace, ref.name));
  }

  private schedule(cj: CronJob): CronSchedule | undefined {
    const key = keyOf(cj);
    const known = this.schedules.get(key);
    if (known?.text === cj.spec.schedule) return known.parsed;
    try {
      const parsed = parseCron(cj.spec.schedule);
      this.schedules.set(key, { text: cj.spec.schedule, parsed });
      return parsed;
    } catch {
      return undefined;
    }
  }

  /** Sync one cron job: account finished jobs, start a due run, prune history, and wait for the next. */
  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const cj = this.api.tryGet<CronJob>("cronjobs", namespace, name);
    if (!cj || cj.metadata.deletionTimestamp) return;
    const now = this.api.loop.now();
    const owned = this.jobs.objects(cj.metadata.uid!);
    const status = clone(cj.status ?? {});
    let active = (status.active ?? []).filter(
      (r) => owned.some((j) => j.metadata.uid === r.uid) || this.exists(r),
    );
    for (const j of owned) {
      const inActive = active.some((r) => r.uid === j.metadata.uid);
      if (isFinished(j)) {
        if (inActive) {
          const cond = hasCondition(j, "Complete") ? "Complete" : "Failed";
          this.recorder.record(
            cj,
            "Normal",
            "SawCompletedJob",
            `Saw completed job: ${j.metadata.name}, condition: ${cond}`,
          );
          active = active.filter((r) => r.uid !== j.metadata.uid);
        }
        if (hasCondition(j, "Complete")) {
          const at = finishedAt(j);
          if (at && (!status.lastSuccessfulTime || parseTime(at) > parseTime(status.lastSuccessfulTime)))
            status.lastSuccessfulTime = at;
        }
      } else if (!inActive && !j.metadata.deletionTimestamp) active.push(jobRef(j));
    }
    status.active = active.length > 0 ? active : undefined;
    const sched = this.schedule(cj);
    if (sched && !cj.spec.suspend) this.runDue(cj, sched, status, now);
    this.prune(cj, owned);
    if (JSON.stringify(status) !== JSON.stringify(cj.status ?? {})) {
      try {
        this.api.replaceStatus<CronJob>("cronjobs", namespace, name, status);
      } catch {
        // Deleted meanwhile.
      }
    }
    if (sched) {
      const next = nextFire(sched, now);
      if (next !== undefined) this.wake(key, next, now);
    }
  }

  private exists(r: JobReference): boolean {
    const j = r.name ? this.api.tryGet<Job>("jobs", r.namespace, r.name) : undefined;
    return !!j && j.metadata.uid === r.uid;
  }

  // Start the most recent missed run, if any is due and the policy allows it.
  private runDue(
    cj: CronJob,
    sched: CronSchedule,
    status: NonNullable<CronJob["status"]>,
    now: number,
  ): void {
    const since = status.lastScheduleTime
      ? parseTime(status.lastScheduleTime)
      : parseTime(cj.metadata.creationTimestamp ?? rfc3339(now));
    let due: number | undefined;
    for (let t = nextFire(sched, since); t !== undefined && t <= now; t = nextFire(sched, t)) due = t;
    if (due === undefined) return;
    const deadline = cj.spec.startingDeadlineSeconds;
    if (deadline !== undefined && now > due + deadline * 1000) return;
    const policy = cj.spec.concurrencyPolicy ?? "Allow";
    if (policy === "Forbid" && (status.active ?? []).length > 0) {
      this.recorder.record(
        cj,
        "Normal",
        "JobAlreadyActive",
        "Not starting job because prior execution is running and concurrency policy is Forbid",
      );
      return;
    }
    if (policy === "Replace") {
      for (const r of status.active ?? []) {
        try {
          this.api.delete("jobs", r.namespace, r.name ?? "", { propagationPolicy: "Background" });
          this.recorder.record(cj, "Normal", "SuccessfulDelete", `Deleted job ${r.name}`);
        } catch {
          // Gone already.
        }
      }
      status.active = undefined;
    }
    const job = this.jobFor(cj, due);
    try {
      const created = this.api.create<Job>("jobs", job, { handOff: true });
      this.recorder.record(cj, "Normal", "SuccessfulCreate", `Created job ${created.metadata.name}`);
      status.active = [...(status.active ?? []), jobRef(created)];
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      // A job of that name already exists: this run was started before.
      if (!msg.includes("already exists"))
        this.recorder.record(cj, "Warning", "FailedCreate", `Error creating job: ${msg}`);
    }
    status.lastScheduleTime = rfc3339(due);
  }

  private jobFor(cj: CronJob, scheduled: number): Job {
    const tpl = clone(cj.spec.jobTemplate);
    return {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: {
        name: cronJobRunName(cj.metadata.name ?? "", scheduled),
        namespace: cj.metadata.namespace,
        ...(tpl.metadata?.labels ? { labels: tpl.metadata.labels } : {}),
        annotations: { ...tpl.metadata?.annotations, [SCHEDULED_TIMESTAMP]: rfc3339(scheduled) },
        ownerReferences: [controllerRef(cj)],
      },
      spec: tpl.spec,
    };
  }

  // Delete the oldest finished jobs beyond successfulJobsHistoryLimit / failedJobsHistoryLimit.
  private prune(cj: CronJob, owned: Job[]): void {
    const byStart = (a: Job, b: Job) =>
      parseTime(a.status?.startTime ?? a.metadata.creationTimestamp ?? "") -
      parseTime(b.status?.startTime ?? b.metadata.creationTimestamp ?? "");
    const live = owned.filter((j) => !j.metadata.deletionTimestamp);
    const groups: [Job[], number | undefined][] = [
      [live.filter((j) => hasCondition(j, "Complete")), cj.spec.successfulJobsHistoryLimit],
      [live.filter((j) => hasCondition(j, "Failed")), cj.spec.failedJobsHistoryLimit],
    ];
    for (const [jobs, limit] of groups) {
      if (limit === undefined || jobs.length <= limit) continue;
      for (const j of jobs.sort(byStart).slice(0, jobs.length - limit)) {
        try {
          this.api.delete("jobs", j.metadata.namespace, j.metadata.name ?? "", {
            propagationPolicy: "Background",
          });
          this.recorder.record(cj, "Normal", "SuccessfulDelete", `Deleted job ${j.metadata.name}`);
        } catch {
          // Gone already.
        }
      }
    }
  }

  // Queue the cron job at `at`, once per distinct time.
  private wake(key: string, at: number, now: number): void {
    if (this.wakeAt.get(key) === at) return;
    this.wakeAt.set(key, at);
    this.api.loop.schedule(Math.max(0, at - now), () => {
      if (this.wakeAt.get(key) === at) this.wakeAt.delete(key);
      this.queue.add(key);
    });
  }
}

function jobRef(j: Job): JobReference {
  return {
    kind: "Job",
    namespace: j.metadata.namespace,
    name: j.metadata.name,
    uid: j.metadata.uid,
    apiVersion: "batch/v1",
    resourceVersion: j.metadata.resourceVersion,
  };
}
