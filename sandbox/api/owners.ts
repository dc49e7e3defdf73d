// Owner references (metav1.GetControllerOf): the one reference marked as an object's controller.
import type { KubeObject, OwnerReference } from "./types.ts";

/** The owner reference marked `controller: true`, if any. */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((o) => o.controller === true);
}
