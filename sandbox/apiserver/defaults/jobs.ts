// Job and CronJob defaults (batch/v1 SetDefaults_Job, SetDefaults_CronJob).
import { defaultPodTemplate } from "./pod-spec.ts";
import { child, isObj, type Obj, setDefault } from "./shape.ts";

function defaultJobSpec(spec: Obj): void {
  // Both unset means one pod to run once; a set parallelism alone leaves completions unset (a work queue).
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  if (typeof spec.parallelism !== "number") spec.parallelism = 1;
  if (typeof spec.backoffLimit !== "number") spec.backoffLimit = 6;
  setDefault(spec, "completionMode", "NonIndexed");
  if (typeof spec.suspend !== "boolean") spec.suspend = false;
  setDefault(spec, "podReplacementPolicy", "TerminatingOrFailed");
  defaultPodTemplate(child(spec, "template"));
}

/** Fill in a job's defaults. */
export function defaultJob(job: Obj): void {
  defaultJobSpec(child(job, "spec"));
}

/** Fill in a cron job's defaults, its job template's included. */
export function defaultCronJob(cj: Obj): void {
  const spec = child(cj, "spec");
  setDefault(spec, "concurrencyPolicy", "Allow");
  if (typeof spec.suspend !== "boolean") spec.suspend = false;
  if (typeof spec.successfulJobsHistoryLimit !== "number") spec.successfulJobsHistoryLimit = 3;
  if (typeof spec.failedJobsHistoryLimit !== "number") spec.failedJobsHistoryLimit = 1;
  const tpl = child(spec, "jobTemplate");
  if (isObj(tpl)) defaultJobSpec(child(tpl, "spec"));
}
