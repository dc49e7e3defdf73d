// The admission chain the API server runs on create, after validation (as kube-apiserver's
// NamespaceLifecycle, ServiceAccount, Priority and DefaultTolerationSeconds plugins do).

import { isMirrorPod } from "../api/mirror-pod.ts";
import type { ResourceType } from "../api/resources.ts";
import type { KubeObject, Namespace, Pod } from "../api/types.ts";
import { admitPod, serviceAccountOf } from "./defaults/index.ts";
import { forbiddenError, notFound } from "./errors.ts";
import type { ApiServer } from "./server.ts";

const PRIORITY_CLASSES: Record<string, number> = {
  "system-node-critical": 2000001000,
  "system-cluster-critical": 2000000000,
};

// NamespaceLifecycle's immortal namespaces: the API server refuses to delete them.
const IMMORTAL_NAMESPACES = new Set(["default", "kube-system", "kube-public"]);

/** Run the admission plugins on a delete; throws the Status error a plugin returns. */
export function admitDelete(rt: ResourceType, name: string): void {
  if (rt.plural === "namespaces" && IMMORTAL_NAMESPACES.has(name))
    throw forbiddenError("namespaces", "", name, "this namespace may not be deleted");
}

/** Run the admission plugins on an object about to be created; throws the Status error a plugin returns. */
export function admit(
  api: ApiServer,
  rt: ResourceType,
  obj: KubeObject,
  ctx: { suffix: () => string },
): void {
  if (rt.namespaced && rt.plural !== "events") {
    const ns = obj.metadata.namespace!;
    const nsObj = api.tryGet<Namespace>("namespaces", undefined, ns);
    if (!nsObj) throw notFound("namespaces", "", ns);
    if (nsObj.metadata.deletionTimestamp || nsObj.status?.phase === "Terminating") {
      throw forbiddenError(
        rt.plural,
        rt.group,
        obj.metadata.name ?? "",
        `unable to create new content in namespace ${ns} because it is being terminated`,
      );
    }
  }
  if (rt.plural === "pods") {
    const pod = obj as Pod;
    if (!isMirrorPod(pod)) {
      const ns = pod.metadata.namespace!;
      const sa = serviceAccountOf(pod);
      if (!api.tryGet("serviceaccounts", ns, sa))
        throw forbiddenError(
          "pods",
          "",
          pod.metadata.name ?? "",
          `error looking up service account ${ns}/${sa}: serviceaccount "${sa}" not found`,
        );
    }
    admitPod(pod, { randomSuffix: ctx.suffix });
    const pc = pod.spec.priorityClassName;
    if (pc && PRIORITY_CLASSES[pc] !== undefined) pod.spec.priority = PRIORITY_CLASSES[pc];
  }
}
