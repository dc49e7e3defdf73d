// The job registry's create step (jobStrategy): the selector and pod labels generated from the job's uid.
import type { Job, KubeObject, StringMap } from "../../api/types.ts";

/** Label keys the job strategy puts on a job's pod template (legacy and prefixed forms). */
export const JOB_NAME_LABELS = ["job-name", "batch.kubernetes.io/job-name"] as const;
/** The job's uid label keys on its pod template (legacy and prefixed forms); the prefixed one selects. */
export const CONTROLLER_UID_LABELS = ["controller-uid", "batch.kubernetes.io/controller-uid"] as const;

/**
 * Generate the selector and template labels of a job being created (unless spec.manualSelector), then
 * give a job without labels its template's labels. The real server copies the labels when it decodes
 * the job on every read (SetDefaults_Job); this model stores them once.
 */
export function prepareJob(obj: KubeObject): void {
  const job = obj as Job;
  if (!job.spec || typeof job.spec !== "object") return;
  if (!job.spec.template) job.spec.template = { spec: { containers: [] } };
  const template = job.spec.template;
  if (!template.metadata) template.metadata = {};
  const meta = template.metadata;
  const userLabels = meta.labels && Object.keys(meta.labels).length > 0 ? { ...meta.labels } : undefined;
  if (job.spec.manualSelector !== true) {
    const labels: StringMap = { ...meta.labels };
    const name = job.metadata.name ?? "";
    const uid = job.metadata.uid ?? "";
    for (const k of JOB_NAME_LABELS) if (!(k in labels)) labels[k] = name;
    for (const k of CONTROLLER_UID_LABELS) if (!(k in labels)) labels[k] = uid;
    meta.labels = labels;
    const selector = { ...job.spec.selector };
    const match = { ...selector.matchLabels };
    if (!(CONTROLLER_UID_LABELS[1] in match)) match[CONTROLLER_UID_LABELS[1]] = uid;
    job.spec.selector = { ...selector, matchLabels: match };
  }
  if (!job.metadata.labels || Object.keys(job.metadata.labels).length === 0) {
    const from = userLabels ?? meta.labels;
    if (from && Object.keys(from).length > 0) job.metadata.labels = { ...from };
  }
}
