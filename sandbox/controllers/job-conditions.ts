// The conditions a job goes through and the words v1.32's job controller uses for them.
import type { Condition, Job } from "../api/types.ts";

/** Whether the job has a condition of `type` with status True. */
export function hasCondition(job: Job, type: string): boolean {
  return (job.status?.conditions ?? []).some((c) => c.type === type && c.status === "True");
}

/** Whether the job has finished: Complete or Failed. */
export function isFinished(job: Job): boolean {
  return hasCondition(job, "Complete") || hasCondition(job, "Failed");
}

/** When the job finished (completionTime, else the Failed condition's transition), or undefined. */
export function finishedAt(job: Job): string | undefined {
  if (job.status?.completionTime) return job.status.completionTime;
  return job.status?.conditions?.find((c) => c.type === "Failed" && c.status === "True")?.lastTransitionTime;
}

/** The reason and message of a job that reached its completions. */
export const COMPLETIONS_REACHED = {
  reason: "CompletionsReached",
  message: "Reached expected number of succeeded pods",
};

/** The reason and message of a job whose pods failed more often than backoffLimit allows. */
export const BACKOFF_LIMIT_EXCEEDED = {
  reason: "BackoffLimitExceeded",
  message: "Job has reached the specified backoff limit",
};

/** The reason and message of a job that ran past activeDeadlineSeconds. */
export const DEADLINE_EXCEEDED = {
  reason: "DeadlineExceeded",
  message: "Job was active longer than specified deadline",
};

/** Build a True condition stamped `now` (both probe and transition times, as the controller sets them). */
export function trueCondition(
  type: string,
  why: { reason: string; message: string },
  now: string,
): Condition {
  return {
    type,
    status: "True",
    lastProbeTime: now,
    lastTransitionTime: now,
    reason: why.reason,
    message: why.message,
  };
}
