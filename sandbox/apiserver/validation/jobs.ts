// Job and CronJob validation (batch/v1 ValidateJob, ValidateCronJobCreate and their updates).
import type { KubeObject } from "../../api/types.ts";
import { CronParseError, parseCron } from "../../util/cron-schedule.ts";
import { sameCanonicalJSON } from "../../util/json-equal.ts";
import { type FieldError, required } from "../errors.ts";
import { CONTROLLER_UID_LABELS, JOB_NAME_LABELS } from "../registry/jobs.ts";
import { nonNegative } from "./common.ts";
import { invalidRendered, invalidValue, type Obj, obj, stringMap, text, unsupportedValue } from "./field.ts";
import { goLabelSelector, goStringMap } from "./go-format.ts";
import { nameIsDNSSubdomain } from "./name-rules.ts";
import { validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";
import { validatePodTemplateSpec } from "./pod-template.ts";
import { asSelector, validateLabelSelector } from "./selector.ts";

const [LEGACY_UID_LABEL, UID_LABEL] = CONTROLLER_UID_LABELS;
const [LEGACY_NAME_LABEL, NAME_LABEL] = JOB_NAME_LABELS;

function hasLabel(labels: Record<string, string>, key: string, want: string): FieldError[] {
  const path = `spec.template.metadata.labels[${key}]`;
  if (!(key in labels)) return [required(path, want)];
  return labels[key] === want ? [] : [invalidRendered(path, goStringMap(labels), `must be '${want}'`)];
}

// The generated selector must select this job's own pods (ValidateGeneratedSelector).
function generatedSelector(job: KubeObject, spec: Obj): FieldError[] {
  if (spec.manualSelector === true || spec.selector === undefined || spec.selector === null) return [];
  const uid = job.metadata.uid ?? "";
  const name = job.metadata.name ?? "";
  const errs: FieldError[] = uid === "" ? [required("metadata.uid")] : [];
  const labels = stringMap(obj(obj(spec.template).metadata).labels) ?? {};
  errs.push(...hasLabel(labels, LEGACY_UID_LABEL, uid), ...hasLabel(labels, LEGACY_NAME_LABEL, name));
  errs.push(...hasLabel(labels, UID_LABEL, uid), ...hasLabel(labels, NAME_LABEL, name));
  const sel = asSelector(spec.selector);
  if (sel && !sel.matches({ [UID_LABEL]: uid, [NAME_LABEL]: name }))
    errs.push(
      invalidRendered("spec.selector", goLabelSelector(obj(spec.selector)), "`selector` not auto-generated"),
    );
  return errs;
}

// validateJobSpec: the parts a job template shares with a job.
function validateSpecFields(spec: Obj, path: string): FieldError[] {
  const errs = [
    ...nonNegative(spec.parallelism, `${path}.parallelism`),
    ...nonNegative(spec.completions, `${path}.completions`),
    ...nonNegative(spec.activeDeadlineSeconds, `${path}.activeDeadlineSeconds`),
    ...nonNegative(spec.backoffLimit, `${path}.backoffLimit`),
    ...nonNegative(spec.ttlSecondsAfterFinished, `${path}.ttlSecondsAfterFinished`),
  ];
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== "NonIndexed" && mode !== "Indexed")
    errs.push(unsupportedValue(`${path}.completionMode`, text(mode), ["NonIndexed", "Indexed"]));
  if (mode === "Indexed" && spec.completions === undefined)
    errs.push(required(`${path}.completions`, "when completion mode is Indexed"));
  errs.push(...validatePodTemplateSpec(spec.template, `${path}.template`));
  const rp = text(obj(obj(spec.template).spec).restartPolicy);
  if (rp === "Always" || rp === "")
    errs.push(required(`${path}.template.spec.restartPolicy`, 'valid values: "OnFailure", "Never"'));
  else if (rp !== "OnFailure" && rp !== "Never")
    errs.push(unsupportedValue(`${path}.template.spec.restartPolicy`, rp, ["OnFailure", "Never"]));
  return errs;
}

function validateJobSpec(spec: Obj): FieldError[] {
  const errs = validateSpecFields(spec, "spec");
  if (spec.selector === undefined || spec.selector === null) errs.push(required("spec.selector"));
  else errs.push(...validateLabelSelector(spec.selector, "spec.selector"));
  const sel = asSelector(spec.selector);
  const labels = stringMap(obj(obj(spec.template).metadata).labels);
  if (sel && !sel.matches(labels ?? {}))
    errs.push(
      invalidRendered(
        "spec.template.metadata.labels",
        goStringMap(labels),
        "`selector` does not match template `labels`",
      ),
    );
  return errs;
}

/** Validate a (defaulted, selector-generated) job. */
export function validateJob(job: KubeObject): FieldError[] {
  const spec = obj(job.spec);
  return [
    ...validateObjectMeta(job.metadata, true, nameIsDNSSubdomain),
    ...generatedSelector(job, spec),
    ...validateJobSpec(spec),
  ];
}

function immutable(cur: unknown, old: unknown, path: string, rendered: string): FieldError[] {
  return sameCanonicalJSON(cur, old) ? [] : [invalidRendered(path, rendered, "field is immutable")];
}

/** Validate a job update: completions, selector, template and completion mode are fixed. */
export function validateJobUpdate(job: KubeObject, old: KubeObject): FieldError[] {
  const spec = obj(job.spec);
  const oldSpec = obj(old.spec);
  const errs = validateObjectMetaUpdate(job.metadata, old.metadata);
  errs.push(...validateJobSpec(spec));
  errs.push(...immutable(spec.completions, oldSpec.completions, "spec.completions", text(spec.completions)));
  errs.push(
    ...immutable(spec.selector, oldSpec.selector, "spec.selector", goLabelSelector(obj(spec.selector))),
  );
  // Deviation: Go prints the whole core.PodTemplateSpec struct as the value; it is abbreviated here.
  errs.push(...immutable(spec.template, oldSpec.template, "spec.template", "core.PodTemplateSpec{...}"));
  errs.push(
    ...immutable(
      spec.completionMode,
      oldSpec.completionMode,
      "spec.completionMode",
      `"${text(spec.completionMode)}"`,
    ),
  );
  return errs;
}

function validateCronJobSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const schedule = text(spec.schedule);
  if (schedule === "") errs.push(required("spec.schedule"));
  else {
    try {
      parseCron(schedule);
    } catch (e) {
      if (!(e instanceof CronParseError)) throw e;
      errs.push(invalidValue("spec.schedule", schedule, e.message));
    }
  }
  errs.push(...nonNegative(spec.startingDeadlineSeconds, "spec.startingDeadlineSeconds"));
  const policy = text(spec.concurrencyPolicy);
  if (policy === "") errs.push(required("spec.concurrencyPolicy"));
  else if (!["Allow", "Forbid", "Replace"].includes(policy))
    errs.push(unsupportedValue("spec.concurrencyPolicy", policy, ["Allow", "Forbid", "Replace"]));
  const tplSpec = obj(obj(spec.jobTemplate).spec);
  errs.push(...validateSpecFields(tplSpec, "spec.jobTemplate.spec"));
  if (tplSpec.selector !== undefined && tplSpec.selector !== null)
    errs.push(
      invalidRendered(
        "spec.jobTemplate.spec.selector",
        goLabelSelector(obj(tplSpec.selector)),
        "`selector` will be auto-generated",
      ),
    );
  errs.push(...nonNegative(spec.successfulJobsHistoryLimit, "spec.successfulJobsHistoryLimit"));
  errs.push(...nonNegative(spec.failedJobsHistoryLimit, "spec.failedJobsHistoryLimit"));
  return errs;
}

/** Validate a (defaulted) cron job; its name leaves room for the 11-character job suffix. */
export function validateCronJob(cj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(cj.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateCronJobSpec(obj(cj.spec)));
  const name = cj.metadata.name ?? "";
  if (name.length > 52) errs.push(invalidValue("metadata.name", name, "must be no more than 52 characters"));
  return errs;
}

/** Validate a cron job update (the name length is not checked again). */
export function validateCronJobUpdate(cj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(cj.metadata, old.metadata);
  errs.push(...validateCronJobSpec(obj(cj.spec)));
  return errs;
}
