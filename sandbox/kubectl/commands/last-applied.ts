// The kubectl.kubernetes.io/last-applied-configuration annotation client-side apply and
// `create --save-config` keep an object's applied configuration in.
import type { KubeObject } from "../../api/types.ts";
import { clone } from "../../util/clone.ts";
import { toCompactJson } from "../output/index.ts";

/** The annotation client-side apply keeps the applied configuration in. */
export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** The annotation value: the configuration as applied (namespace set, annotation removed), compact JSON. */
export function lastApplied(obj: KubeObject, namespace: string | undefined): string {
  const c = clone(obj);
  c.metadata ??= {};
  if (namespace) c.metadata.namespace = namespace;
  const annotations = { ...(c.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  c.metadata.annotations = annotations;
  return `${toCompactJson(c)}\n`;
}
