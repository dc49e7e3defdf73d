// Pod templates inside workloads (ValidatePodTemplateSpec and the ReplicaSet flavour of it), plus
// the int-or-percent checks of rolling updates.
import { type FieldError, forbidden } from "../errors.ts";
import { nonNegative } from "./common.ts";
import { invalidRendered, list, obj, stringMap, text, unsupportedValue } from "./field.ts";
import { goIntOrString, goStringMap } from "./go-format.ts";
import { validateAnnotations, validateLabels } from "./object-meta.ts";
import { validatePodSpec } from "./pod-spec.ts";
import type { SelectorMatcher } from "./selector.ts";

/** Validate a pod template at `path` (labels are reported at `<path>.labels`, as the real server does). */
export function validatePodTemplateSpec(raw: unknown, path: string): FieldError[] {
  const template = obj(raw);
  const meta = obj(template.metadata);
  const spec = obj(template.spec);
  const errs = validateLabels(stringMap(meta.labels), `${path}.labels`);
  errs.push(...validateAnnotations(stringMap(meta.annotations), `${path}.annotations`));
  errs.push(...validatePodSpec(spec, `${path}.spec`, false));
  if (list(spec.ephemeralContainers).length > 0) {
    errs.push(
      forbidden(`${path}.spec.ephemeralContainers`, "ephemeral containers not allowed in pod template"),
    );
  }
  return errs;
}

/** Check that a selector matches the template's labels. */
export function selectorMismatch(selector: SelectorMatcher, template: unknown, path: string): FieldError[] {
  const labels = stringMap(obj(obj(template).metadata).labels);
  if (selector.empty || selector.matches(labels ?? {})) return [];
  return [
    invalidRendered(
      `${path}.metadata.labels`,
      goStringMap(labels),
      "`selector` does not match template `labels`",
    ),
  ];
}

/** Validate a ReplicaSet/Deployment template: selector match, pod spec, restartPolicy Always. */
export function validateTemplateForReplicaSet(
  raw: unknown,
  selector: SelectorMatcher,
  path: string,
  kind: string,
): FieldError[] {
  const errs = selectorMismatch(selector, raw, path);
  errs.push(...validatePodTemplateSpec(raw, path));
  errs.push(...restartAlways(raw, path, kind));
  return errs;
}

/** Require restartPolicy Always and no activeDeadlineSeconds in a controller's template. */
export function restartAlways(raw: unknown, path: string, kind: string): FieldError[] {
  const spec = obj(obj(raw).spec);
  const errs: FieldError[] = [];
  const rp = text(spec.restartPolicy);
  if (rp !== "Always") errs.push(unsupportedValue(`${path}.spec.restartPolicy`, rp, ["Always"]));
  if (typeof spec.activeDeadlineSeconds === "number") {
    errs.push(
      invalidRendered(
        `${path}.spec.activeDeadlineSeconds`,
        String(spec.activeDeadlineSeconds),
        `activeDeadlineSeconds in ${kind} is not Supported`,
      ),
    );
  }
  return errs;
}

function percent(v: unknown): number | undefined {
  return typeof v === "string" && /^[0-9]+%$/.test(v) ? Number(v.slice(0, -1)) : undefined;
}

/** Validate an int-or-percent field that must be a non-negative int or `N%`. */
export function positiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (v === undefined || v === null) return [];
  if (typeof v === "number") return nonNegative(v, path);
  const s = text(v);
  if (percent(s) !== undefined) return [];
  return [
    invalidRendered(
      path,
      goIntOrString(s),
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ),
  ];
}

/** The numeric part of an int-or-percent (0 when absent or malformed). */
export function intOrPercentValue(v: unknown): number {
  if (typeof v === "number") return v;
  return percent(v) ?? 0;
}

/** Reject percentages above 100%. */
export function notMoreThan100Percent(v: unknown, path: string): FieldError[] {
  const p = percent(v);
  return p !== undefined && p > 100
    ? [invalidRendered(path, goIntOrString(text(v)), "must not be greater than 100%")]
    : [];
}

/** Render an int-or-percent as `%#v`. */
export function renderIntOrPercent(v: unknown): string {
  return goIntOrString(typeof v === "number" ? v : text(v));
}
