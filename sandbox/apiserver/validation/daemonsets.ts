// DaemonSet validation (ValidateDaemonSetSpec) and its immutable selector.
import type { KubeObject } from "../../api/types.ts";
import { type FieldError, required } from "../errors.ts";
import { nonNegative } from "./common.ts";
import { selectorImmutable } from "./deployments.ts";
import { invalidRendered, isObj, type Obj, obj, renderedNotSupported } from "./field.ts";
import { goLabelSelector } from "./go-format.ts";
import { nameIsDNSSubdomain } from "./name-rules.ts";
import { validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";
import {
  intOrPercentValue,
  notMoreThan100Percent,
  positiveIntOrPercent,
  renderIntOrPercent,
  restartAlways,
  selectorMismatch,
  validatePodTemplateSpec,
} from "./pod-template.ts";
import { asSelector, validateLabelSelector } from "./selector.ts";

function validateUpdateStrategy(raw: unknown): FieldError[] {
  const s = obj(raw);
  const type = typeof s.type === "string" ? s.type : "";
  const p = "spec.updateStrategy";
  if (type === "OnDelete") return [];
  if (type === "RollingUpdate") {
    if (!isObj(s.rollingUpdate)) return [required(`${p}.rollingUpdate`)];
    const ru = s.rollingUpdate;
    const errs = [...positiveIntOrPercent(ru.maxUnavailable, `${p}.rollingUpdate.maxUnavailable`)];
    errs.push(...positiveIntOrPercent(ru.maxSurge, `${p}.rollingUpdate.maxSurge`));
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      errs.push(
        invalidRendered(
          `${p}.rollingUpdate.maxUnavailable`,
          renderIntOrPercent(ru.maxUnavailable),
          "cannot be 0 when maxSurge is 0",
        ),
      );
    }
    errs.push(...notMoreThan100Percent(ru.maxUnavailable, `${p}.rollingUpdate.maxUnavailable`));
    errs.push(...notMoreThan100Percent(ru.maxSurge, `${p}.rollingUpdate.maxSurge`));
    return errs;
  }
  const ru =
    s.rollingUpdate === undefined
      ? "(*apps.RollingUpdateDaemonSet)(nil)"
      : "(*apps.RollingUpdateDaemonSet)(0xc000010000)";
  return [
    renderedNotSupported(p, `apps.DaemonSetUpdateStrategy{Type:"${type}", RollingUpdate:${ru}}`, [
      "RollingUpdate",
      "OnDelete",
    ]),
  ];
}

function validateDaemonSetSpec(spec: Obj): FieldError[] {
  const errs = validateLabelSelector(spec.selector, "spec.selector");
  const matcher = asSelector(spec.selector);
  if (matcher) errs.push(...selectorMismatch({ ...matcher, empty: false }, spec.template, "spec.template"));
  const sel = obj(spec.selector);
  if (
    isObj(spec.selector) &&
    Object.keys(obj(sel.matchLabels)).length +
      (Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0) ===
      0
  ) {
    errs.push(
      invalidRendered("spec.selector", goLabelSelector(sel), "empty selector is invalid for daemonset"),
    );
  }
  errs.push(...validatePodTemplateSpec(spec.template, "spec.template"));
  errs.push(...restartAlways(spec.template, "spec.template", "DaemonSet"));
  errs.push(...nonNegative(spec.minReadySeconds, "spec.minReadySeconds"));
  errs.push(...validateUpdateStrategy(spec.updateStrategy));
  errs.push(...nonNegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  return errs;
}

/** Validate a (defaulted) daemon set. */
export function validateDaemonSet(ds: KubeObject): FieldError[] {
  return [
    ...validateObjectMeta(ds.metadata, true, nameIsDNSSubdomain),
    ...validateDaemonSetSpec(obj(ds.spec)),
  ];
}

/** Validate a daemon set update. */
export function validateDaemonSetUpdate(ds: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(ds.metadata, old.metadata);
  errs.push(...validateDaemonSetSpec(obj(ds.spec)));
  errs.push(...selectorImmutable(obj(ds.spec), obj(old.spec)));
  return errs;
}
