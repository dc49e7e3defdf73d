// Deployment validation (ValidateDeploymentSpec) and the selector immutability of apps/v1 updates.
import type { KubeObject } from "../../api/types.ts";
import { sameCanonicalJSON } from "../../util/json-equal.ts";
import { type FieldError, forbidden, required } from "../errors.ts";
import { nonNegative } from "./common.ts";
import { invalidRendered, isObj, type Obj, obj, renderedNotSupported } from "./field.ts";
import { goLabelSelector } from "./go-format.ts";
import { nameIsDNSSubdomain } from "./name-rules.ts";
import { validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";
import {
  intOrPercentValue,
  notMoreThan100Percent,
  positiveIntOrPercent,
  renderIntOrPercent,
  validateTemplateForReplicaSet,
} from "./pod-template.ts";
import { asSelector, validateLabelSelector } from "./selector.ts";

/** Validate a replica-count selector (Deployment, ReplicaSet): required, non-empty, convertible. */
export function validateWorkloadSelector(spec: Obj, kind: string): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.selector === undefined || spec.selector === null) {
    errs.push(required("spec.selector"));
  } else {
    errs.push(...validateLabelSelector(spec.selector, "spec.selector"));
    const sel = obj(spec.selector);
    if (
      Object.keys(obj(sel.matchLabels)).length +
        (Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0) ===
      0
    ) {
      errs.push(
        invalidRendered("spec.selector", goLabelSelector(sel), `empty selector is invalid for ${kind}`),
      );
    }
  }
  const matcher = asSelector(spec.selector);
  if (!matcher)
    errs.push(
      invalidRendered("spec.selector", goLabelSelector(obj(spec.selector)), "invalid label selector"),
    );
  else errs.push(...validateTemplateForReplicaSet(spec.template, matcher, "spec.template", "ReplicaSet"));
  return errs;
}

function validateStrategy(raw: unknown): FieldError[] {
  const s = obj(raw);
  const type = typeof s.type === "string" ? s.type : "";
  if (type === "Recreate") {
    return s.rollingUpdate !== undefined
      ? [forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'")]
      : [];
  }
  if (type === "RollingUpdate") {
    if (!isObj(s.rollingUpdate))
      return [required("spec.strategy.rollingUpdate", "this should be defaulted and never be nil")];
    const ru = s.rollingUpdate;
    const p = "spec.strategy.rollingUpdate";
    const errs = [
      ...positiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`),
      ...positiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`),
    ];
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      errs.push(
        invalidRendered(
          `${p}.maxUnavailable`,
          renderIntOrPercent(ru.maxUnavailable),
          "may not be 0 when `maxSurge` is 0",
        ),
      );
    }
    errs.push(...notMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
    return errs;
  }
  // Go prints the whole strategy struct; a set rollingUpdate pointer prints as an address.
  const ru =
    s.rollingUpdate === undefined
      ? "(*apps.RollingUpdateDeployment)(nil)"
      : "(*apps.RollingUpdateDeployment)(0xc000010000)";
  return [
    renderedNotSupported("spec.strategy", `apps.DeploymentStrategy{Type:"${type}", RollingUpdate:${ru}}`, [
      "Recreate",
      "RollingUpdate",
    ]),
  ];
}

function validateDeploymentSpec(spec: Obj): FieldError[] {
  const errs = nonNegative(spec.replicas, "spec.replicas");
  errs.push(...validateWorkloadSelector(spec, "deployment"));
  errs.push(...validateStrategy(spec.strategy));
  errs.push(...nonNegative(spec.minReadySeconds, "spec.minReadySeconds"));
  errs.push(...nonNegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  const pds = spec.progressDeadlineSeconds;
  if (typeof pds === "number") {
    errs.push(...nonNegative(pds, "spec.progressDeadlineSeconds"));
    const minReady = typeof spec.minReadySeconds === "number" ? spec.minReadySeconds : 0;
    if (pds <= minReady)
      errs.push(
        invalidRendered("spec.progressDeadlineSeconds", String(pds), "must be greater than minReadySeconds"),
      );
  }
  return errs;
}

/** Validate a (defaulted) deployment. */
export function validateDeployment(d: KubeObject): FieldError[] {
  return [
    ...validateObjectMeta(d.metadata, true, nameIsDNSSubdomain),
    ...validateDeploymentSpec(obj(d.spec)),
  ];
}

/** Report a changed selector, which apps/v1 forbids. */
export function selectorImmutable(spec: Obj, oldSpec: Obj): FieldError[] {
  if (sameCanonicalJSON(spec.selector, oldSpec.selector)) return [];
  return [invalidRendered("spec.selector", goLabelSelector(obj(spec.selector)), "field is immutable")];
}

/** Validate a deployment update. */
export function validateDeploymentUpdate(d: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(d.metadata, old.metadata);
  errs.push(...validateDeploymentSpec(obj(d.spec)));
  errs.push(...selectorImmutable(obj(d.spec), obj(old.spec)));
  return errs;
}
