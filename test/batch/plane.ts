// A bare control plane for the batch controllers: etcd, the API server, the job, cron job and TTL
// controllers and the garbage collector over virtual time. No scheduler and no kubelets: a test moves
// pods through their phases itself.
import type { Job, Pod } from "../../sandbox/api/types.ts";
import type { ApiServer } from "../../sandbox/apiserver/server.ts";
import { EventRecorder } from "../../sandbox/client/events.ts";
import { InformerFactory } from "../../sandbox/client/informer.ts";
import { CronJobController } from "../../sandbox/controllers/cronjob.ts";
import { GarbageCollector } from "../../sandbox/controllers/garbage-collector.ts";
import { JobController } from "../../sandbox/controllers/job.ts";
import { TTLAfterFinishedController } from "../../sandbox/controllers/ttl-after-finished.ts";
import type { EventLoop } from "../../sandbox/util/event-loop.ts";
import { bareApiServer } from "../support/api-server.ts";

/** 2025-01-15T09:00:00Z. */
export const START = Date.UTC(2025, 0, 15, 9, 0, 0);

/** The plane: the loop, the API and its controllers. */
export interface Plane {
  loop: EventLoop;
  api: ApiServer;
  jobs: JobController;
  cronJobs: CronJobController;
}

/** Boot the plane with the default namespace. */
export function makePlane(): Plane {
  const { api, loop } = bareApiServer({ random: 11, startTime: START });
  api.create("serviceaccounts", { metadata: { name: "default", namespace: "default" } });
  const informers = new InformerFactory(api);
  const jobs = new JobController(api, informers, new EventRecorder(api, { component: "job-controller" }));
  const cronJobs = new CronJobController(
    api,
    informers,
    new EventRecorder(api, { component: "cronjob-controller" }),
  );
  new TTLAfterFinishedController(api, informers);
  new GarbageCollector(api, informers);
  informers.start();
  loop.drain();
  return { loop, api, jobs, cronJobs };
}

/** A job running busybox with `spec` merged in (restartPolicy Never). */
export function jobOf(name: string, spec: Partial<Job["spec"]> = {}): Job {
  return {
    metadata: { name, namespace: "default" },
    spec: {
      template: { spec: { restartPolicy: "Never", containers: [{ name: "c", image: "busybox" }] } },
      ...spec,
    },
  } as Job;
}

/** The job's pods, by name. */
export function podsOf(p: Plane, job: string): Pod[] {
  return p.api.list<Pod>("pods", {
    namespace: "default",
    labelSelector: `batch.kubernetes.io/job-name=${job}`,
  }).items;
}

/** End a pod as its kubelet would: phase Succeeded or Failed. */
export function endPod(p: Plane, pod: Pod, phase: "Succeeded" | "Failed"): void {
  p.api.mutate<Pod>(
    "pods",
    "default",
    pod.metadata.name!,
    (cur) => {
      cur.status = { ...cur.status, phase };
      return true;
    },
    true,
  );
  p.loop.drain();
}

/** The job as stored now. */
export function jobNow(p: Plane, name: string): Job {
  return p.api.get<Job>("jobs", "default", name);
}

/** The reasons and messages of the events recorded for `name`, oldest first. */
export function eventsOf(p: Plane, name: string): string[] {
  return p.api
    .list<{ metadata: { name?: string }; involvedObject: { name: string }; reason: string; message: string }>(
      "events",
      { namespace: "default" },
    )
    .items.filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.reason}: ${e.message}`);
}
