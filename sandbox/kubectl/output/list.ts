// The `List` wrapper kubectl prints around several objects in `-o yaml|json|jsonpath`.
import type { KubeObject } from "../../api/types.ts";

/** The v1 List kubectl builds from several objects. */
export interface KubeList {
  apiVersion: "v1";
  items: KubeObject[];
  kind: "List";
  metadata: { resourceVersion: "" };
}

/** Wrap objects in a `kind: List` with an empty resourceVersion, as `kubectl get -o yaml` prints lists. */
export function toList(items: readonly KubeObject[]): KubeList {
  return { apiVersion: "v1", items: [...items], kind: "List", metadata: { resourceVersion: "" } };
}
