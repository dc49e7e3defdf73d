// The TTL-after-finished controller: deletes a finished job once spec.ttlSecondsAfterFinished has passed.
import type { Job } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { type InformerFactory, keyOf, splitKey } from "../client/informer.ts";
import { WorkQueue } from "../client/workqueue.ts";
import { parseTime } from "../util/time.ts";
import { finishedAt, isFinished } from "./job-conditions.ts";

/** The TTL-after-finished controller. */
export class TTLAfterFinishedController {
  private readonly api: ApiServer;
  private readonly queue: WorkQueue;

  constructor(api: ApiServer, informers: InformerFactory) {
    this.api = api;
    this.queue = new WorkQueue({ loop: api.loop, reconcile: (k) => this.reconcile(k) });
    const enqueue = (j: Job) => {
      if (j.spec.ttlSecondsAfterFinished !== undefined && isFinished(j) && !j.metadata.deletionTimestamp)
        this.queue.add(keyOf(j));
    };
    informers.for<Job>("jobs").on({ add: enqueue, update: (_o, j) => enqueue(j) });
  }

  /** Delete the job if its time is up, else look again when it will be. */
  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const job = this.api.tryGet<Job>("jobs", namespace, name);
    const ttl = job?.spec.ttlSecondsAfterFinished;
    if (!job || ttl === undefined || !isFinished(job) || job.metadata.deletionTimestamp) return;
    const at = finishedAt(job);
    if (!at) return;
    const expires = parseTime(at) + ttl * 1000;
    const now = this.api.loop.now();
    if (now < expires) {
      this.queue.addAfter(key, expires - now);
      return;
    }
    try {
      this.api.delete("jobs", namespace, name, { propagationPolicy: "Foreground" });
    } catch {
      // Deleted meanwhile.
    }
  }
}
