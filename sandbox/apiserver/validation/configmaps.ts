// ConfigMap validation: key format, no key in both bags, 1 MiB total, immutability when `immutable`.
import type { KubeObject } from "../../api/types.ts";
import { sameCanonicalJSON } from "../../util/json-equal.ts";
import { type FieldError, forbidden, tooLong } from "../errors.ts";
import { invalidValue, obj, text } from "./field.ts";
import { nameIsDNSSubdomain } from "./name-rules.ts";
import { byteLength, isConfigMapKey } from "./names.ts";
import { validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";

/** The size limit shared by ConfigMaps and Secrets. */
export const MAX_DATA_SIZE = 1024 * 1024;

/** Decoded byte length of base64 text. */
export function base64Size(s: string): number {
  const clean = s.replace(/=+$/, "");
  return Math.floor((clean.length * 3) / 4);
}

/** Validate a config map on create. */
export function validateConfigMap(cm: KubeObject): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain);
  const data = obj(cm.data);
  const binary = obj(cm.binaryData);
  let size = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const msg of isConfigMapKey(k)) errs.push(invalidValue(`data[${k}]`, k, msg));
    if (k in binary) errs.push(invalidValue(`data[${k}]`, k, "duplicate of key present in binaryData"));
    size += byteLength(text(v));
  }
  for (const [k, v] of Object.entries(binary)) {
    for (const msg of isConfigMapKey(k)) errs.push(invalidValue(`binaryData[${k}]`, k, msg));
    if (k in data) errs.push(invalidValue(`binaryData[${k}]`, k, "duplicate of key present in data"));
    size += base64Size(text(v));
  }
  if (size > MAX_DATA_SIZE) errs.push(tooLong("", MAX_DATA_SIZE));
  return errs;
}

/** Forbid changes to an immutable ConfigMap or Secret (`immutable: true`). */
export function immutableData(o: KubeObject, old: KubeObject, fields: string[]): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (o.immutable !== true) errs.push(forbidden("immutable", "field is immutable when `immutable` is set"));
  for (const f of fields) {
    if (!sameCanonicalJSON(o[f], old[f]))
      errs.push(forbidden(f, "field is immutable when `immutable` is set"));
  }
  return errs;
}

/** Validate a config map update. */
export function validateConfigMapUpdate(cm: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(cm.metadata, old.metadata);
  errs.push(...immutableData(cm, old, ["data", "binaryData"]));
  errs.push(...validateConfigMap(cm));
  return errs;
}
