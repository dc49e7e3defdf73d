// `kubectl get jobs|cronjobs` columns (printJob and printCronJob, v1.32).
import type { CronJob, Job, KubeObject } from "../../../api/types.ts";
import { humanDuration, parseTime, translateTimestampSince } from "../duration.ts";
import { containerCells, formatLabelSelector } from "../format.ts";
import { ageColumn, type Cell, column, nameColumn, type TableHandler } from "../table-model.ts";

const templateColumns = () => [
  column("Containers", { wide: true }),
  column("Images", { wide: true }),
  column("Selector", { wide: true }),
];

function hasCondition(job: Job, type: string): boolean {
  return (job.status?.conditions ?? []).some((c) => c.type === type && c.status === "True");
}

// v1.32 has no SuccessCriteriaMet status here (kubectl learnt it in v1.34): such a job reads Running.
function jobStatus(job: Job): string {
  if (hasCondition(job, "Complete")) return "Complete";
  if (hasCondition(job, "Failed")) return "Failed";
  if (job.metadata.deletionTimestamp) return "Terminating";
  if (hasCondition(job, "Suspended")) return "Suspended";
  if (hasCondition(job, "FailureTarget")) return "FailureTarget";
  return "Running";
}

function completions(job: Job): string {
  const done = job.status?.succeeded ?? 0;
  if (job.spec.completions !== undefined) return `${done}/${job.spec.completions}`;
  const parallelism = job.spec.parallelism ?? 0;
  return parallelism > 1 ? `${done}/1 of ${parallelism}` : `${done}/1`;
}

// The job's DURATION: start to completion, or start to now while it runs; blank before it starts.
function jobDuration(job: Job, now: number): string {
  const start = parseTime(job.status?.startTime);
  if (start === undefined) return "";
  const end = parseTime(job.status?.completionTime);
  return humanDuration(((end ?? now) - start) / 1000);
}

/** Build the job table: NAME STATUS COMPLETIONS DURATION AGE, wide CONTAINERS IMAGES SELECTOR. */
export const jobTable: TableHandler = {
  columns: [
    nameColumn(),
    column("Status"),
    column("Completions"),
    column("Duration"),
    ageColumn(),
    ...templateColumns(),
  ],
  cells(obj: KubeObject, now: number): Cell[] {
    const job = obj as Job;
    const [names, images] = containerCells(job.spec.template?.spec?.containers);
    return [
      job.metadata.name ?? "",
      jobStatus(job),
      completions(job),
      jobDuration(job, now),
      translateTimestampSince(job.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(job.spec.selector),
    ];
  },
};

/** Build the cron job table: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE, wide template. */
export const cronJobTable: TableHandler = {
  columns: [
    nameColumn(),
    column("Schedule"),
    column("Timezone"),
    column("Suspend", { type: "boolean" }),
    column("Active", { type: "integer" }),
    column("Last Schedule"),
    ageColumn(),
    ...templateColumns(),
  ],
  cells(obj: KubeObject, now: number): Cell[] {
    const cj = obj as CronJob;
    const tpl = cj.spec.jobTemplate?.spec;
    const [names, images] = containerCells(tpl?.template?.spec?.containers);
    const last = cj.status?.lastScheduleTime;
    const suspend = cj.spec.suspend;
    return [
      cj.metadata.name ?? "",
      cj.spec.schedule ?? "",
      cj.spec.timeZone ?? "<none>",
      suspend === undefined ? "<unset>" : suspend ? "True" : "False",
      (cj.status?.active ?? []).length,
      last ? translateTimestampSince(last, now) : "<none>",
      translateTimestampSince(cj.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(tpl?.selector),
    ];
  },
};
