// ReplicaSet validation (ValidateReplicaSetSpec) and its immutable selector.
import type { KubeObject } from "../../api/types.ts";
import type { FieldError } from "../errors.ts";
import { nonNegative } from "./common.ts";
import { selectorImmutable, validateWorkloadSelector } from "./deployments.ts";
import { type Obj, obj } from "./field.ts";
import { nameIsDNSSubdomain } from "./name-rules.ts";
import { validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";

function validateReplicaSetSpec(spec: Obj): FieldError[] {
  const errs = nonNegative(spec.replicas, "spec.replicas");
  errs.push(...nonNegative(spec.minReadySeconds, "spec.minReadySeconds"));
  // The real message says "deployment" for ReplicaSets too.
  errs.push(...validateWorkloadSelector(spec, "deployment"));
  return errs;
}

/** Validate a (defaulted) replica set. */
export function validateReplicaSet(rs: KubeObject): FieldError[] {
  return [
    ...validateObjectMeta(rs.metadata, true, nameIsDNSSubdomain),
    ...validateReplicaSetSpec(obj(rs.spec)),
  ];
}

/** Validate a replica set update. */
export function validateReplicaSetUpdate(rs: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(rs.metadata, old.metadata);
  errs.push(...validateReplicaSetSpec(obj(rs.spec)));
  errs.push(...selectorImmutable(obj(rs.spec), obj(old.spec)));
  return errs;
}
