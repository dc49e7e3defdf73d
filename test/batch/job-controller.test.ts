import { describe, expect, it } from "vitest";
import type { Job } from "../../sandbox/api/types.ts";
import { endPod, eventsOf, jobNow, jobOf, makePlane, podsOf } from "./plane.ts";

describe("job controller", () => {
  it("creates one pod named <job>-<5 chars> with the job-tracking finalizer and a controller reference", () => {
    const p = makePlane();
    const job = p.api.create("jobs", jobOf("hello"));
    p.loop.drain();
    const pods = podsOf(p, "hello");
    expect(pods).toHaveLength(1);
    expect(pods[0].metadata.name).toMatch(/^hello-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pods[0].metadata.finalizers).toEqual(["batch.kubernetes.io/job-tracking"]);
    expect(pods[0].metadata.ownerReferences).toEqual([
      {
        apiVersion: "batch/v1",
        kind: "Job",
        name: "hello",
        uid: job.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(eventsOf(p, "hello")).toEqual([`SuccessfulCreate: Created pod: ${pods[0].metadata.name}`]);
    expect(jobNow(p, "hello").status).toMatchObject({
      active: 1,
      ready: 0,
      terminating: 0,
      startTime: "2025-01-15T09:00:00Z",
    });
  });

  it("marks SuccessCriteriaMet then Complete once the pod succeeds, and lets go of the finalizer", () => {
    const p = makePlane();
    p.api.create("jobs", jobOf("hello"));
    p.loop.drain();
    p.loop.advance(3000);
    endPod(p, podsOf(p, "hello")[0], "Succeeded");
    const status = jobNow(p, "hello").status!;
    expect(status.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ["SuccessCriteriaMet", "True", "CompletionsReached", "Reached expected number of succeeded pods"],
      ["Complete", "True", "CompletionsReached", "Reached expected number of succeeded pods"],
    ]);
    expect(status).toMatchObject({
      succeeded: 1,
      ready: 0,
      terminating: 0,
      completionTime: "2025-01-15T09:00:03Z",
    });
    expect(status.active).toBeUndefined();
    expect(podsOf(p, "hello")[0].metadata.finalizers).toBeUndefined();
    expect(eventsOf(p, "hello").at(-1)).toBe("Completed: Job completed");
  });

  it("runs at most parallelism pods until completions have succeeded", () => {
    const p = makePlane();
    p.api.create("jobs", jobOf("work", { completions: 3, parallelism: 2 }));
    p.loop.drain();
    expect(podsOf(p, "work")).toHaveLength(2);
    for (const pod of podsOf(p, "work")) endPod(p, pod, "Succeeded");
    expect(podsOf(p, "work")).toHaveLength(3);
    expect(jobNow(p, "work").status).toMatchObject({ active: 1, succeeded: 2 });
    const last = podsOf(p, "work").find((x) => x.status?.phase !== "Succeeded")!;
    endPod(p, last, "Succeeded");
    expect(jobNow(p, "work").status?.conditions?.map((c) => c.type)).toEqual([
      "SuccessCriteriaMet",
      "Complete",
    ]);
  });

  it("waits 10s, then 20s, between failed pods", () => {
    const p = makePlane();
    p.api.create("jobs", jobOf("flaky", { backoffLimit: 6 }));
    p.loop.drain();
    endPod(p, podsOf(p, "flaky")[0], "Failed");
    p.loop.advance(9_000);
    expect(podsOf(p, "flaky")).toHaveLength(1);
    p.loop.advance(1_000);
    expect(podsOf(p, "flaky")).toHaveLength(2);
    endPod(p, podsOf(p, "flaky").find((x) => x.status?.phase === "Pending")!, "Failed");
    p.loop.advance(19_000);
    expect(podsOf(p, "flaky")).toHaveLength(2);
    p.loop.advance(1_000);
    expect(podsOf(p, "flaky")).toHaveLength(3);
    expect(jobNow(p, "flaky").status?.failed).toBe(2);
  });

  it("fails with BackoffLimitExceeded after backoffLimit + 1 failed pods", () => {
    const p = makePlane();
    p.api.create("jobs", jobOf("doomed", { backoffLimit: 1 }));
    p.loop.drain();
    endPod(p, podsOf(p, "doomed")[0], "Failed");
    p.loop.advance(10_000);
    endPod(p, podsOf(p, "doomed").find((x) => x.status?.phase === "Pending")!, "Failed");
    const status = jobNow(p, "doomed").status!;
    expect(status.failed).toBe(2);
    expect(status.conditions?.map((c) => [c.type, c.reason, c.message])).toEqual([
      ["FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit"],
      ["Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit"],
    ]);
    expect(status.completionTime).toBeUndefined();
    expect(eventsOf(p, "doomed").at(-1)).toBe(
      "BackoffLimitExceeded: Job has reached the specified backoff limit",
    );
  });

  it("deletes the running pod and fails with DeadlineExceeded after activeDeadlineSeconds", () => {
    const p = makePlane();
    p.api.create("jobs", jobOf("slow", { activeDeadlineSeconds: 5 }));
    p.loop.drain();
    const pod = podsOf(p, "slow")[0];
    p.loop.advance(5_000);
    expect(eventsOf(p, "slow")).toContain(`SuccessfulDelete: Deleted pod: ${pod.metadata.name}`);
    const status = jobNow(p, "slow").status!;
    expect(status.conditions?.map((c) => [c.type, c.reason])).toEqual([
      ["FailureTarget", "DeadlineExceeded"],
      ["Failed", "DeadlineExceeded"],
    ]);
    expect(status.failed).toBe(1);
    expect(podsOf(p, "slow")).toHaveLength(0);
  });

  it("is deleted ttlSecondsAfterFinished after it completes, with its pods", () => {
    const p = makePlane();
    p.api.create("jobs", jobOf("brief", { ttlSecondsAfterFinished: 10 }));
    p.loop.drain();
    endPod(p, podsOf(p, "brief")[0], "Succeeded");
    p.loop.advance(9_000);
    expect(p.api.tryGet("jobs", "default", "brief")).toBeDefined();
    // Foreground deletion: the pods go first, then the job.
    p.loop.advance(2_000);
    expect(p.api.tryGet("jobs", "default", "brief")).toBeUndefined();
    expect(podsOf(p, "brief")).toHaveLength(0);
  });

  it("releases the finalizer of a running pod whose job was deleted, so the pod can go", () => {
    const p = makePlane();
    p.api.create("jobs", jobOf("gone"));
    p.loop.drain();
    p.api.delete("jobs", "default", "gone", { propagationPolicy: "Background" });
    p.loop.advance(1000);
    expect(podsOf(p, "gone")).toHaveLength(0);
  });

  it("stores jobs and cron jobs under /registry/jobs and /registry/cronjobs", () => {
    const p = makePlane();
    p.api.create("jobs", jobOf("hello"));
    expect(p.api.etcd.get("/registry/jobs/default/hello")).toBeDefined();
  });

  it("deletes the active pod and marks the job Suspended while spec.suspend is true", () => {
    const p = makePlane();
    p.api.create("jobs", jobOf("paused"));
    p.loop.drain();
    p.api.mutate<Job>("jobs", "default", "paused", (j) => {
      j.spec.suspend = true;
      return true;
    });
    p.loop.drain();
    expect(podsOf(p, "paused")).toHaveLength(0);
    const cond = jobNow(p, "paused").status?.conditions?.[0];
    expect([cond?.type, cond?.status, cond?.reason, cond?.message]).toEqual([
      "Suspended",
      "True",
      "JobSuspended",
      "Job suspended",
    ]);
    expect(eventsOf(p, "paused").at(-1)).toBe("Suspended: Job suspended");
  });
});
