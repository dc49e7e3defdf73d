// The defaulting front door the API server calls.
//
// Contracts (pure, deterministic, never throw on odd input):
// * applyDefaults(plural, obj) mutates a freshly copied request body, on create and on update, filling
//   in exactly what kube-apiserver v1.32 fills in (what `kubectl get -o yaml` shows after a create).
//   It only sets fields that are absent, so it is idempotent. Call it before validateCreate/Update.
// * admitPod(pod, ctx) is the pods-only mutating admission (ServiceAccount, DefaultTolerationSeconds,
//   Priority): call it once, on create, after applyDefaults. ctx.randomSuffix() must return the
//   5-character suffix of the `kube-api-access-<suffix>` volume (kube uses "bcdfghjklmnpqrstvwxz2456789").
// Server-side fields that need state (uid, resourceVersion, creationTimestamp, generation, clusterIP,
// nodePort) are the server's job, not these functions'.
import type { KubeObject } from "../../api/types.ts";
import { defaultDaemonSet } from "./daemonsets.ts";
import { defaultDeployment } from "./deployments.ts";
import { defaultEndpoints } from "./endpoints.ts";
import { defaultEndpointSlice } from "./endpointslices.ts";
import { defaultCronJob, defaultJob } from "./jobs.ts";
import { defaultNamespace } from "./namespaces.ts";
import { defaultNode } from "./nodes.ts";
import { defaultPod } from "./pods.ts";
import { defaultBinding } from "./rbac.ts";
import { defaultReplicaSet } from "./replicasets.ts";
import { defaultSecret } from "./secrets.ts";
import { defaultService } from "./services.ts";
import type { Obj } from "./shape.ts";

export { admitPod, serviceAccountOf } from "./admission.ts";
export { defaultPullPolicy } from "./containers.ts";

const DEFAULTERS: Record<string, (o: Obj) => void> = {
  pods: defaultPod,
  services: defaultService,
  deployments: defaultDeployment,
  replicasets: defaultReplicaSet,
  daemonsets: defaultDaemonSet,
  jobs: defaultJob,
  cronjobs: defaultCronJob,
  namespaces: defaultNamespace,
  nodes: defaultNode,
  secrets: defaultSecret,
  endpoints: defaultEndpoints,
  endpointslices: defaultEndpointSlice,
  rolebindings: defaultBinding,
  clusterrolebindings: defaultBinding,
};

/** Fill in the server-side defaults of a freshly copied object, in place. */
export function applyDefaults(plural: string, obj: KubeObject): void {
  DEFAULTERS[plural]?.(obj as unknown as Obj);
}
