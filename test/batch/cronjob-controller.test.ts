import { describe, expect, it } from "vitest";
import type { CronJob, Job } from "../../sandbox/api/types.ts";
import { endPod, eventsOf, makePlane, podsOf } from "./plane.ts";

function cronJob(name: string, spec: Partial<CronJob["spec"]> = {}): CronJob {
  return {
    metadata: { name, namespace: "default" },
    spec: {
      schedule: "*/1 * * * *",
      jobTemplate: {
        spec: {
          template: { spec: { restartPolicy: "OnFailure", containers: [{ name: "c", image: "busybox" }] } },
        },
      },
      ...spec,
    },
  } as CronJob;
}

const jobNames = (p: ReturnType<typeof makePlane>) =>
  p.api.list<Job>("jobs", { namespace: "default" }).items.map((j) => j.metadata.name);

describe("cronjob controller", () => {
  it("creates <cronjob>-<minutes since epoch> at the next scheduled minute", () => {
    const p = makePlane();
    p.api.create("cronjobs", cronJob("tick"));
    p.loop.advance(59_000);
    expect(jobNames(p)).toEqual([]);
    p.loop.advance(1_000);
    // 2025-01-15T09:01:00Z is minute 28948861 since the epoch.
    expect(jobNames(p)).toEqual(["tick-28948861"]);
    const cj = p.api.get<CronJob>("cronjobs", "default", "tick");
    expect(cj.status?.lastScheduleTime).toBe("2025-01-15T09:01:00Z");
    expect(cj.status?.active?.map((r) => r.name)).toEqual(["tick-28948861"]);
    const job = p.api.get<Job>("jobs", "default", "tick-28948861");
    expect(job.metadata.annotations).toEqual({
      "batch.kubernetes.io/cronjob-scheduled-timestamp": "2025-01-15T09:01:00Z",
    });
    expect(eventsOf(p, "tick")).toEqual(["SuccessfulCreate: Created job tick-28948861"]);
  });

  it("notes a finished job and drops it from the active list", () => {
    const p = makePlane();
    p.api.create("cronjobs", cronJob("tick"));
    p.loop.advance(60_000);
    endPod(p, podsOf(p, "tick-28948861")[0], "Succeeded");
    const cj = p.api.get<CronJob>("cronjobs", "default", "tick");
    expect(cj.status?.active).toBeUndefined();
    expect(cj.status?.lastSuccessfulTime).toBe("2025-01-15T09:01:00Z");
    expect(eventsOf(p, "tick")).toContain(
      "SawCompletedJob: Saw completed job: tick-28948861, condition: Complete",
    );
  });

  it("keeps successfulJobsHistoryLimit finished jobs and deletes older ones", () => {
    const p = makePlane();
    p.api.create("cronjobs", cronJob("tick", { successfulJobsHistoryLimit: 1 }));
    for (const minute of [28948861, 28948862]) {
      p.loop.advance(60_000);
      endPod(p, podsOf(p, `tick-${minute}`)[0], "Succeeded");
    }
    p.loop.advance(1_000);
    expect(jobNames(p)).toEqual(["tick-28948862"]);
    expect(eventsOf(p, "tick")).toContain("SuccessfulDelete: Deleted job tick-28948861");
  });

  it("skips a run while the last one is active under concurrencyPolicy Forbid", () => {
    const p = makePlane();
    p.api.create("cronjobs", cronJob("tick", { concurrencyPolicy: "Forbid" }));
    p.loop.advance(120_000);
    expect(jobNames(p)).toEqual(["tick-28948861"]);
    expect(eventsOf(p, "tick")).toContain(
      "JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid",
    );
  });

  it("starts nothing while suspended", () => {
    const p = makePlane();
    p.api.create("cronjobs", cronJob("tick", { suspend: true }));
    p.loop.advance(180_000);
    expect(jobNames(p)).toEqual([]);
  });
});
