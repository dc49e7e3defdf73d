// Pod create and update validation (ValidatePodCreate / ValidatePodUpdate).
import type { KubeObject } from "../../api/types.ts";
import { sameCanonicalJSON } from "../../util/json-equal.ts";
import { type FieldError, forbidden, required } from "../errors.ts";
import { invalidValue, isObj, list, type Obj, obj, text } from "./field.ts";
import { goValue } from "./go-format.ts";
import { nameIsDNSSubdomain } from "./name-rules.ts";
import { validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";
import { validateContainersOnlyForPod, validatePodSpec } from "./pod-spec.ts";
import { validateTolerations } from "./tolerations.ts";

const UPDATABLE_FIELDS = [
  "`spec.containers[*].image`",
  "`spec.initContainers[*].image`",
  "`spec.activeDeadlineSeconds`",
  "`spec.tolerations` (only additions to existing tolerations)",
  "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
].join(",");

function validatePodMetadataAndSpec(pod: KubeObject): FieldError[] {
  const spec = obj(pod.spec);
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpec(spec, "spec", true));
  if (!text(spec.serviceAccountName)) {
    list(spec.volumes).forEach((v, vi) => {
      list(obj(obj(v).projected).sources).forEach((s, si) => {
        if (isObj(obj(s).serviceAccountToken)) {
          errs.push(
            forbidden(
              `spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`,
              "must not be specified when serviceAccountName is not set",
            ),
          );
        }
      });
    });
  }
  errs.push(...validateContainersOnlyForPod(spec.containers, "spec.containers"));
  errs.push(...validateContainersOnlyForPod(spec.initContainers, "spec.initContainers"));
  return errs;
}

/** Validate a pod about to be created. */
export function validatePodCreate(pod: KubeObject): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  if (list(obj(pod.spec).ephemeralContainers).length > 0) {
    errs.push(forbidden("spec.ephemeralContainers", "cannot be set on create"));
  }
  return errs;
}

function containerUpdates(
  now: unknown[],
  before: unknown[],
  path: string,
): { errs: FieldError[]; stop: boolean } {
  if (now.length !== before.length)
    return { errs: [forbidden(path, "pod updates may not add or remove containers")], stop: true };
  const errs: FieldError[] = [];
  now.forEach((c, i) => {
    const image = text(obj(c).image);
    if (!image) errs.push(required(`${path}[${i}].image`));
    if (image !== image.trim())
      errs.push(invalidValue(`${path}[${i}].image`, image, "must not have leading or trailing whitespace"));
  });
  return { errs, stop: false };
}

function goFieldName(key: string): string {
  const special: Record<string, string> = {
    dnsPolicy: "DNSPolicy",
    dnsConfig: "DNSConfig",
    hostIPC: "HostIPC",
    hostPID: "HostPID",
  };
  return special[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

// cmp.Diff of the internal PodSpec cannot be reproduced byte for byte; the model prints a
// simplified diff in the same layout, one line pair per changed top-level field.
function specDiff(before: Obj, after: Obj): string {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const lines = ["  core.PodSpec{"];
  for (const k of keys) {
    if (sameCanonicalJSON(before[k], after[k])) continue;
    if (before[k] !== undefined) lines.push(`- \t${goFieldName(k)}: ${goValue(before[k])},`);
    if (after[k] !== undefined) lines.push(`+ \t${goFieldName(k)}: ${goValue(after[k])},`);
  }
  lines.push("  }");
  return `${lines.join("\n")}\n`;
}

function onlyAddedTolerations(now: unknown[], before: unknown[]): FieldError[] {
  for (const old of before) {
    const found = now.some((t) =>
      sameCanonicalJSON({ ...obj(old), tolerationSeconds: obj(t).tolerationSeconds }, t),
    );
    if (!found)
      return [
        forbidden("spec.tolerations", "existing toleration can not be modified except its tolerationSeconds"),
      ];
  }
  return validateTolerations(now, "spec.tolerations");
}

/** Validate a pod update: only images, activeDeadlineSeconds, added tolerations and one grace-period case may change. */
export function validatePodUpdate(pod: KubeObject, old: KubeObject): FieldError[] {
  const spec = obj(pod.spec);
  const oldSpec = obj(old.spec);
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePodMetadataAndSpec(pod));
  for (const key of ["containers", "initContainers"]) {
    const r = containerUpdates(list(spec[key]), list(oldSpec[key]), `spec.${key}`);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = spec.activeDeadlineSeconds;
  const oldAds = oldSpec.activeDeadlineSeconds;
  if (typeof ads === "number") {
    if (ads < 0 || ads > 2147483647) {
      errs.push(
        invalidValue("spec.activeDeadlineSeconds", ads, "must be between 0 and 2147483647, inclusive"),
      );
      return errs;
    }
    if (typeof oldAds === "number" && oldAds < ads) {
      errs.push(
        invalidValue("spec.activeDeadlineSeconds", ads, "must be less than or equal to previous value"),
      );
      return errs;
    }
  } else if (typeof oldAds === "number") {
    errs.push(
      invalidValue(
        "spec.activeDeadlineSeconds",
        null,
        "must not update from a positive integer to nil value",
      ),
    );
  }
  errs.push(...onlyAddedTolerations(list(spec.tolerations), list(oldSpec.tolerations)));
  if (sameCanonicalJSON(spec, oldSpec)) return errs;
  const munged: Obj = { ...spec };
  for (const key of ["containers", "initContainers"]) {
    if (spec[key] === undefined) continue;
    munged[key] = list(spec[key]).map((c, i) => ({ ...obj(c), image: obj(list(oldSpec[key])[i]).image }));
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.tolerations = oldSpec.tolerations;
  munged.schedulingGates = oldSpec.schedulingGates;
  const oldGrace = oldSpec.terminationGracePeriodSeconds;
  if (typeof oldGrace === "number" && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  if (!sameCanonicalJSON(munged, oldSpec)) {
    errs.push(
      forbidden(
        "spec",
        `pod updates may not change fields other than ${UPDATABLE_FIELDS}\n${specDiff(oldSpec, munged)}`,
      ),
    );
  }
  return errs;
}
