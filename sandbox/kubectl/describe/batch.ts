// kubectl describe job and cronjob (describeJob, describeCronJob, describeJobTemplate).
import type { CronJob, Event, Job, JobSpec } from "../../api/types.ts";
import { selectorString } from "../printers/format.ts";
import { humanDuration, rfc1123z } from "./duration.ts";
import { describeEvents } from "./events.ts";
import { printAnnotations, printLabels } from "./multiline.ts";
import { controllerName } from "./pod.ts";
import { describePodTemplate } from "./template.ts";
import { type DescribeWriter, tabbedString } from "./writer.ts";

/** Describe a job; `events` are already selected for it. */
export function describeJob(job: Job, events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    const spec = job.spec;
    const status = job.status ?? {};
    w.write(0, `Name:\t${job.metadata.name ?? ""}\n`);
    w.write(0, `Namespace:\t${job.metadata.namespace ?? ""}\n`);
    w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
    printLabels(w, "Labels", job.metadata.labels);
    printAnnotations(w, "Annotations", job.metadata.annotations);
    const controlledBy = controllerName(job);
    if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
    if (spec.parallelism !== undefined) w.write(0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(0, `Completions:\t${spec.completions ?? "<unset>"}\n`);
    if (spec.completionMode !== undefined) w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
    if (spec.suspend !== undefined) w.write(0, `Suspend:\t${spec.suspend}\n`);
    if (spec.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (spec.ttlSecondsAfterFinished !== undefined)
      w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    if (status.completionTime) w.write(0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
    if (status.startTime && status.completionTime)
      w.write(
        0,
        `Duration:\t${humanDuration(Date.parse(status.completionTime) - Date.parse(status.startTime))}\n`,
      );
    if (spec.activeDeadlineSeconds !== undefined)
      w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    const counts = `${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`;
    if (status.ready === undefined) w.write(0, `Pods Statuses:\t${status.active ?? 0} Active / ${counts}\n`);
    else w.write(0, `Pods Statuses:\t${status.active ?? 0} Active (${status.ready} Ready) / ${counts}\n`);
    describePodTemplate(w, spec.template);
    if (events) describeEvents(w, events, now);
  });
}

function describeJobTemplate(w: DescribeWriter, spec: JobSpec | undefined): void {
  w.write(0, `Selector:\t${spec?.selector ? selectorString(spec.selector) : "<unset>"}\n`);
  w.write(0, `Parallelism:\t${spec?.parallelism ?? "<unset>"}\n`);
  w.write(0, `Completions:\t${spec?.completions ?? "<unset>"}\n`);
  if (spec?.activeDeadlineSeconds !== undefined)
    w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, spec?.template);
}

/** Describe a cron job; `events` are already selected for it. */
export function describeCronJob(cj: CronJob, events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    const spec = cj.spec;
    const unset = (v: number | undefined) => (v === undefined ? "<unset>" : String(v));
    w.write(0, `Name:\t${cj.metadata.name ?? ""}\n`);
    w.write(0, `Namespace:\t${cj.metadata.namespace ?? ""}\n`);
    printLabels(w, "Labels", cj.metadata.labels);
    printAnnotations(w, "Annotations", cj.metadata.annotations);
    w.write(0, `Schedule:\t${spec.schedule ?? ""}\n`);
    w.write(0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ""}\n`);
    w.write(0, `Suspend:\t${spec.suspend === undefined ? "<unset>" : spec.suspend ? "True" : "False"}\n`);
    w.write(0, `Successful Job History Limit:\t${unset(spec.successfulJobsHistoryLimit)}\n`);
    w.write(0, `Failed Job History Limit:\t${unset(spec.failedJobsHistoryLimit)}\n`);
    const deadline = spec.startingDeadlineSeconds;
    w.write(0, `Starting Deadline Seconds:\t${deadline === undefined ? "<unset>" : `${deadline}s`}\n`);
    describeJobTemplate(w, spec.jobTemplate?.spec);
    const last = cj.status?.lastScheduleTime;
    w.write(0, `Last Schedule Time:\t${last ? rfc1123z(last) : "<unset>"}\n`);
    const active = (cj.status?.active ?? []).map((r) => r.name ?? "");
    w.write(0, `Active Jobs:\t${active.length > 0 ? active.join(", ") : "<none>"}\n`);
    if (events) describeEvents(w, events, now);
  });
}
