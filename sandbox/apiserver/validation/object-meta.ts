// ObjectMeta validation shared by every kind (apimachinery ValidateObjectMeta / ValidateObjectMetaUpdate
// plus the core finalizer-name rule), in the order the real server reports problems.
import type { ObjectMeta } from "../../api/types.ts";
import { type FieldError, forbidden, required, tooLong } from "../errors.ts";
import { invalidValue, list, stringMap, text } from "./field.ts";
import { type NameRule, nameIsDNSLabel } from "./name-rules.ts";
import { byteLength, isQualifiedName, isValidLabelValue } from "./names.ts";

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
const STANDARD_FINALIZERS = new Set(["kubernetes", "orphan", "foregroundDeletion"]);

/** Validate a label map: each key a qualified name, each value a label value; errors point at `path`. */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  // Go walks the map in random order; the model uses the order the keys were written in.
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    for (const msg of isValidLabelValue(v)) errs.push(invalidValue(path, v, msg));
  }
  return errs;
}

/** Validate one label key (a qualified name). */
export function validateLabelName(key: string, path: string): FieldError[] {
  return isQualifiedName(key).map((msg) => invalidValue(path, key, msg));
}

/** Validate annotation keys (qualified names, case-insensitive) and their total size. */
export function validateAnnotations(
  annotations: Record<string, string> | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalidValue(path, k, msg));
    size += byteLength(k) + byteLength(v);
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

function validateOwnerReferences(refs: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const raw of list(refs)) {
    const ref = (raw ?? {}) as Record<string, unknown>;
    const apiVersion = text(ref.apiVersion);
    const version = apiVersion.includes("/") ? apiVersion.slice(apiVersion.indexOf("/") + 1) : apiVersion;
    if (!version) errs.push(invalidValue(`${path}.apiVersion`, apiVersion, "version must not be empty"));
    if (!text(ref.kind)) errs.push(invalidValue(`${path}.kind`, text(ref.kind), "kind must not be empty"));
    if (!text(ref.name)) errs.push(invalidValue(`${path}.name`, text(ref.name), "name must not be empty"));
    if (!text(ref.uid)) errs.push(invalidValue(`${path}.uid`, text(ref.uid), "uid must not be empty"));
  }
  return errs;
}

function validateFinalizers(finalizers: unknown, path: string): FieldError[] {
  const names = list(finalizers).map(text);
  const errs: FieldError[] = [];
  for (const f of names) errs.push(...isQualifiedName(f).map((msg) => invalidValue(path, f, msg)));
  names.forEach((f, i) => {
    if (!f.includes("/") && !STANDARD_FINALIZERS.has(f)) {
      errs.push(
        invalidValue(
          `${path}[${i}]`,
          f,
          "name is neither a standard finalizer name nor is it fully qualified",
        ),
      );
    }
  });
  return errs;
}

/** Validate metadata on create (after name generation): name, namespace, labels, annotations, owners, finalizers. */
export function validateObjectMeta(
  meta: ObjectMeta | undefined,
  namespaced: boolean,
  nameRule: NameRule,
  path = "metadata",
): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  const generateName = text(m.generateName);
  const name = text(m.name);
  const namespace = text(m.namespace);
  if (generateName) {
    for (const msg of nameRule(generateName, true))
      errs.push(invalidValue(`${path}.generateName`, generateName, msg));
  }
  if (!name) errs.push(required(`${path}.name`, "name or generateName is required"));
  else for (const msg of nameRule(name, false)) errs.push(invalidValue(`${path}.name`, name, msg));
  if (namespaced) {
    if (!namespace) errs.push(required(`${path}.namespace`));
    else
      for (const msg of nameIsDNSLabel(namespace, false))
        errs.push(invalidValue(`${path}.namespace`, namespace, msg));
  } else if (namespace) {
    errs.push(forbidden(`${path}.namespace`, "not allowed on this type"));
  }
  if (typeof m.generation === "number" && m.generation < 0) {
    errs.push(invalidValue(`${path}.generation`, m.generation, "must be greater than or equal to 0"));
  }
  errs.push(...validateLabels(stringMap(m.labels), `${path}.labels`));
  errs.push(...validateAnnotations(stringMap(m.annotations), `${path}.annotations`));
  errs.push(...validateOwnerReferences(m.ownerReferences, `${path}.ownerReferences`));
  errs.push(...validateFinalizers(m.finalizers, `${path}.finalizers`));
  return errs;
}

/** Validate metadata on update: identity fields are immutable, labels and annotations stay well-formed. */
export function validateObjectMetaUpdate(
  meta: ObjectMeta | undefined,
  old: ObjectMeta | undefined,
  path = "metadata",
): FieldError[] {
  const m = meta ?? {};
  const o = old ?? {};
  const errs: FieldError[] = [];
  // A missing resourceVersion never reaches validation: the store fills it in for unconditional updates.
  if (typeof m.generation === "number" && typeof o.generation === "number" && m.generation < o.generation) {
    errs.push(invalidValue(`${path}.generation`, m.generation, "must not be decremented"));
  }
  for (const f of ["name", "namespace", "uid"] as const) {
    if (text(m[f]) !== text(o[f])) errs.push(invalidValue(`${path}.${f}`, text(m[f]), "field is immutable"));
  }
  errs.push(...validateLabels(stringMap(m.labels), `${path}.labels`));
  errs.push(...validateAnnotations(stringMap(m.annotations), `${path}.annotations`));
  errs.push(...validateOwnerReferences(m.ownerReferences, `${path}.ownerReferences`));
  const finalizers = list(m.finalizers).map(text);
  finalizers.forEach((f, i) => {
    if (!f.includes("/") && !STANDARD_FINALIZERS.has(f)) {
      errs.push(
        invalidValue(
          `${path}.finalizers[${i}]`,
          f,
          "name is neither a standard finalizer name nor is it fully qualified",
        ),
      );
    }
  });
  return errs;
}
