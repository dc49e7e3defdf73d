// ObjectMeta validation shared by every kind (apimachinery ValidateObjectMeta / ValidateObjectMetaUpdate
// plus the core finalizer-name rule), in the order the real server reports problems.
import type { ObjectMeta } from "../../api/types.ts";
import { type FieldError, forbidden, required, tooLong } from "../errors.ts";
import { invalidValue, isObj, text } from "./field.ts";
import { type NameRule, nameIsDNSLabel } from "./name-rules.ts";
import { byteLength, isQualifiedName, isValidLabelValue } from "./names.ts";

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
const STANDARD_FINALIZERS = new Set(["kubernetes", "orphan", "foregroundDeletion"]);
const IMMUTABLE = ["name", "namespace", "uid"] as const;

/** Validate a label map: each key a qualified name, each value a label value; errors point at `path`. */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  labelErrors(errs, labels, path, "");
  return errs;
}

// Go walks the map in random order; the model uses the order the keys were written in. Values are read as
// text, as stringMap would; the error path is `path + suffix`, built only when there is an error.
function labelErrors(errs: FieldError[], labels: unknown, path: string, suffix: string): void {
  if (!isObj(labels)) return;
  for (const k in labels) {
    const v = text(labels[k]);
    invalidEach(errs, isQualifiedName(k), path, suffix, k);
    invalidEach(errs, isValidLabelValue(v), path, suffix, v);
  }
}

// One Invalid error per message at `path + suffix` (an index loop: valid values give empty lists, and this
// runs on every write).
function invalidEach(errs: FieldError[], msgs: string[], path: string, suffix: string, value: string): void {
  for (let i = 0; i < msgs.length; i++) errs.push(invalidValue(path + suffix, value, msgs[i]));
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
  annotationErrors(errs, annotations, path, "");
  return errs;
}

function annotationErrors(errs: FieldError[], annotations: unknown, path: string, suffix: string): void {
  if (!isObj(annotations)) return;
  let size = 0;
  for (const k in annotations) {
    const v = text(annotations[k]);
    invalidEach(errs, isQualifiedName(k.toLowerCase()), path, suffix, k);
    size += byteLength(k) + byteLength(v);
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path + suffix, TOTAL_ANNOTATION_SIZE_LIMIT));
}

function ownerReferenceErrors(errs: FieldError[], refs: unknown, base: string): void {
  if (!Array.isArray(refs)) return;
  const path = `${base}.ownerReferences`;
  for (const raw of refs) {
    const ref = (raw ?? {}) as Record<string, unknown>;
    const apiVersion = text(ref.apiVersion);
    const slash = apiVersion.indexOf("/");
    const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
    if (!version) errs.push(invalidValue(`${path}.apiVersion`, apiVersion, "version must not be empty"));
    if (!text(ref.kind)) errs.push(invalidValue(`${path}.kind`, text(ref.kind), "kind must not be empty"));
    if (!text(ref.name)) errs.push(invalidValue(`${path}.name`, text(ref.name), "name must not be empty"));
    if (!text(ref.uid)) errs.push(invalidValue(`${path}.uid`, text(ref.uid), "uid must not be empty"));
  }
}

// Qualified-name problems of every finalizer first, then the non-standard ones, as the real server orders them.
function finalizerErrors(errs: FieldError[], finalizers: unknown, base: string): void {
  if (!Array.isArray(finalizers)) return;
  for (const raw of finalizers) {
    const f = text(raw);
    for (const msg of isQualifiedName(f)) errs.push(invalidValue(`${base}.finalizers`, f, msg));
  }
  nonStandardFinalizerErrors(errs, finalizers, base);
}

function nonStandardFinalizerErrors(errs: FieldError[], finalizers: unknown, base: string): void {
  if (!Array.isArray(finalizers)) return;
  for (let i = 0; i < finalizers.length; i++) {
    const f = text(finalizers[i]);
    if (!f.includes("/") && !STANDARD_FINALIZERS.has(f)) {
      errs.push(
        invalidValue(
          `${base}.finalizers[${i}]`,
          f,
          "name is neither a standard finalizer name nor is it fully qualified",
        ),
      );
    }
  }
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
  if (generateName) invalidEach(errs, nameRule(generateName, true), path, ".generateName", generateName);
  if (!name) errs.push(required(`${path}.name`, "name or generateName is required"));
  else invalidEach(errs, nameRule(name, false), path, ".name", name);
  if (namespaced) {
    if (!namespace) errs.push(required(`${path}.namespace`));
    else invalidEach(errs, nameIsDNSLabel(namespace, false), path, ".namespace", namespace);
  } else if (namespace) {
    errs.push(forbidden(`${path}.namespace`, "not allowed on this type"));
  }
  if (typeof m.generation === "number" && m.generation < 0) {
    errs.push(invalidValue(`${path}.generation`, m.generation, "must be greater than or equal to 0"));
  }
  labelErrors(errs, m.labels, path, ".labels");
  annotationErrors(errs, m.annotations, path, ".annotations");
  ownerReferenceErrors(errs, m.ownerReferences, path);
  finalizerErrors(errs, m.finalizers, path);
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
  for (const f of IMMUTABLE) {
    if (text(m[f]) !== text(o[f])) errs.push(invalidValue(`${path}.${f}`, text(m[f]), "field is immutable"));
  }
  labelErrors(errs, m.labels, path, ".labels");
  annotationErrors(errs, m.annotations, path, ".annotations");
  ownerReferenceErrors(errs, m.ownerReferences, path);
  nonStandardFinalizerErrors(errs, m.finalizers, path);
  return errs;
}
