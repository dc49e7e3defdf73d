// Namespace validation: a DNS-label name and well-formed spec.finalizers.
import type { KubeObject } from "../../api/types.ts";
import type { FieldError } from "../errors.ts";
import { invalidValue, list, obj, text } from "./field.ts";
import { nameIsDNSLabel } from "./name-rules.ts";
import { isQualifiedName } from "./names.ts";
import { validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";

const STANDARD = new Set(["kubernetes", "orphan", "foregroundDeletion"]);

function specFinalizers(ns: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of list(obj(ns.spec).finalizers).map(text)) {
    errs.push(...isQualifiedName(f).map((msg) => invalidValue("spec.finalizers", f, msg)));
    if (!f.includes("/") && !STANDARD.has(f)) {
      errs.push(
        invalidValue(
          "spec.finalizers",
          f,
          "name is neither a standard finalizer name nor is it fully qualified",
        ),
      );
    }
  }
  return errs;
}

/** Validate a namespace on create. */
export function validateNamespace(ns: KubeObject): FieldError[] {
  return [...validateObjectMeta(ns.metadata, false, nameIsDNSLabel), ...specFinalizers(ns)];
}

/** Validate a namespace update (spec and status are kept by the strategy). */
export function validateNamespaceUpdate(ns: KubeObject, old: KubeObject): FieldError[] {
  return validateObjectMetaUpdate(ns.metadata, old.metadata);
}
