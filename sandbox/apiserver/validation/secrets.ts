// Secret validation: key format, 1 MiB total, the keys each built-in type requires, immutable type.
import type { KubeObject } from "../../api/types.ts";
import { type FieldError, required, tooLong } from "../errors.ts";
import { base64Size, immutableData, MAX_DATA_SIZE } from "./configmaps.ts";
import { invalidValue, obj, stringMap, text } from "./field.ts";
import { nameIsDNSSubdomain } from "./name-rules.ts";
import { isConfigMapKey } from "./names.ts";
import { validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";

// The data keys each secret type requires.
const REQUIRED_KEYS: Record<string, string[]> = {
  "kubernetes.io/dockercfg": [".dockercfg"],
  "kubernetes.io/dockerconfigjson": [".dockerconfigjson"],
  "kubernetes.io/tls": ["tls.crt", "tls.key"],
};

/** Validate a (defaulted) secret on create. */
export function validateSecret(s: KubeObject): FieldError[] {
  const errs = validateObjectMeta(s.metadata, true, nameIsDNSSubdomain);
  const data = obj(s.data);
  let size = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const msg of isConfigMapKey(k)) errs.push(invalidValue(`data[${k}]`, k, msg));
    size += base64Size(text(v));
  }
  if (size > MAX_DATA_SIZE) errs.push(tooLong("data", MAX_DATA_SIZE));
  const type = text(s.type);
  if (type === "kubernetes.io/service-account-token") {
    const annotations = stringMap(s.metadata?.annotations) ?? {};
    if (!annotations["kubernetes.io/service-account.name"]) {
      errs.push(required("metadata.annotations[kubernetes.io/service-account.name]"));
    }
  } else if (type === "kubernetes.io/basic-auth") {
    if (!("username" in data) && !("password" in data))
      errs.push(required("data[username]"), required("data[password]"));
  } else if (type === "kubernetes.io/ssh-auth") {
    if (!text(data["ssh-privatekey"])) errs.push(required("data[ssh-privatekey]"));
  } else {
    for (const k of REQUIRED_KEYS[type] ?? []) if (!(k in data)) errs.push(required(`data[${k}]`));
  }
  return errs;
}

/** Validate a secret update: type is immutable, and so is data when `immutable` is set. */
export function validateSecretUpdate(s: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(s.metadata, old.metadata);
  if (text(s.type) !== text(old.type)) errs.push(invalidValue("type", text(s.type), "field is immutable"));
  errs.push(...immutableData(s, old, ["data"]));
  errs.push(...validateSecret(s));
  return errs;
}
