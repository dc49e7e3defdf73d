// Lease validation: positive duration, non-negative transitions.
import type { KubeObject } from "../../api/types.ts";
import type { FieldError } from "../errors.ts";
import { nonNegative } from "./common.ts";
import { invalidValue, obj } from "./field.ts";
import { nameIsDNSSubdomain } from "./name-rules.ts";
import { validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";

function validateLeaseSpec(raw: unknown): FieldError[] {
  const spec = obj(raw);
  const errs: FieldError[] = [];
  const d = spec.leaseDurationSeconds;
  if (typeof d === "number" && d <= 0)
    errs.push(invalidValue("spec.leaseDurationSeconds", d, "must be greater than 0"));
  errs.push(...nonNegative(spec.leaseTransitions, "spec.leaseTransitions"));
  return errs;
}

/** Validate a lease on create. */
export function validateLease(l: KubeObject): FieldError[] {
  return [...validateObjectMeta(l.metadata, true, nameIsDNSSubdomain), ...validateLeaseSpec(l.spec)];
}

/** Validate a lease update. */
export function validateLeaseUpdate(l: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(l.metadata, old.metadata), ...validateLeaseSpec(l.spec)];
}
