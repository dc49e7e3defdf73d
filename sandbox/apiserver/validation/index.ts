// The validation front door the API server calls.
//
// Contracts (all functions are pure: no store access, no clock, never throw on odd input):
// * validateCreate(plural, obj) runs on the object as it will be stored: after the server has set
//   apiVersion/kind, the namespace (namespaced kinds) and the generated name, and after
//   applyDefaults(). It returns the field errors in the order kube-apiserver v1.32 reports them;
//   an empty list means valid. The server wraps a non-empty list with errors.ts invalidError().
// * validateUpdate(plural, obj, old) runs on the defaulted new object and the stored old one, after
//   the server has copied over what a client cannot set (uid, creationTimestamp, ...).
// * quantityDecodeError(plural, body) runs on the raw body, before defaults: a malformed resource
//   quantity is a decode failure in the real server, so the caller throws badRequest(message).
// * typeDecodeError(plural, body) likewise: a JSON value of the wrong type in a common typed field.
// * Kinds without a validator here (unknown plurals) validate to [].
// The real server runs mutating admission (admitPod) before validation; this model's server may run
// it after, which is harmless because admission only adds valid fields.
import type { KubeObject } from "../../api/types.ts";
import type { FieldError } from "../errors.ts";
import { validateConfigMap, validateConfigMapUpdate } from "./configmaps.ts";
import { validateDaemonSet, validateDaemonSetUpdate } from "./daemonsets.ts";
import { typeDecodeError } from "./decode-types.ts";
import { validateDeployment, validateDeploymentUpdate } from "./deployments.ts";
import { validateEndpoints, validateEndpointsUpdate } from "./endpoints.ts";
import { validateEndpointSlice, validateEndpointSliceUpdate } from "./endpointslices.ts";
import { validateEvent, validateEventUpdate } from "./events.ts";
import { validateCronJob, validateCronJobUpdate, validateJob, validateJobUpdate } from "./jobs.ts";
import { validateLease, validateLeaseUpdate } from "./leases.ts";
import { validateNamespace, validateNamespaceUpdate } from "./namespaces.ts";
import { validateNode, validateNodeUpdate } from "./nodes.ts";
import { validatePodCreate, validatePodUpdate } from "./pods.ts";
import { quantityDecodeError } from "./quantity.ts";
import { validateBinding, validateBindingUpdate, validateRole, validateRoleUpdate } from "./rbac.ts";
import { validateReplicaSet, validateReplicaSetUpdate } from "./replicasets.ts";
import { validateSecret, validateSecretUpdate } from "./secrets.ts";
import { validateServiceAccount, validateServiceAccountUpdate } from "./serviceaccounts.ts";
import { validateService, validateServiceUpdate } from "./services.ts";

export { quantityDecodeError, typeDecodeError };

/** The BadRequest message for a body the real server could not decode into its Go type, or undefined. */
export function decodeError(plural: string, body: unknown): string | undefined {
  return typeDecodeError(plural, body) ?? quantityDecodeError(plural, body);
}
export {
  clusterIPRangeError,
  ipInCIDR,
  nodePortAllocatedError,
  nodePortInRange,
  nodePortRangeError,
} from "./service-ips.ts";

type Create = (o: KubeObject) => FieldError[];
type Update = (o: KubeObject, old: KubeObject) => FieldError[];

const CREATE: Record<string, Create> = {
  pods: validatePodCreate,
  services: validateService,
  deployments: validateDeployment,
  replicasets: validateReplicaSet,
  daemonsets: validateDaemonSet,
  jobs: validateJob,
  cronjobs: validateCronJob,
  namespaces: validateNamespace,
  nodes: validateNode,
  configmaps: validateConfigMap,
  secrets: validateSecret,
  serviceaccounts: validateServiceAccount,
  endpoints: validateEndpoints,
  endpointslices: validateEndpointSlice,
  leases: validateLease,
  events: validateEvent,
  roles: (o) => validateRole(o, true),
  clusterroles: (o) => validateRole(o, false),
  rolebindings: (o) => validateBinding(o, true),
  clusterrolebindings: (o) => validateBinding(o, false),
};

const UPDATE: Record<string, Update> = {
  pods: validatePodUpdate,
  services: validateServiceUpdate,
  deployments: validateDeploymentUpdate,
  replicasets: validateReplicaSetUpdate,
  daemonsets: validateDaemonSetUpdate,
  jobs: validateJobUpdate,
  cronjobs: validateCronJobUpdate,
  namespaces: validateNamespaceUpdate,
  nodes: validateNodeUpdate,
  configmaps: validateConfigMapUpdate,
  secrets: validateSecretUpdate,
  serviceaccounts: validateServiceAccountUpdate,
  endpoints: validateEndpointsUpdate,
  endpointslices: validateEndpointSliceUpdate,
  leases: validateLeaseUpdate,
  events: validateEventUpdate,
  roles: (o, old) => validateRoleUpdate(o, old, true),
  clusterroles: (o, old) => validateRoleUpdate(o, old, false),
  rolebindings: (o, old) => validateBindingUpdate(o, old, true),
  clusterrolebindings: (o, old) => validateBindingUpdate(o, old, false),
};

/** Validate an object about to be created; returns the field errors, in the real server's order. */
export function validateCreate(plural: string, obj: KubeObject): FieldError[] {
  return CREATE[plural]?.(obj) ?? [];
}

/** Validate an update of `old` to `obj`; returns the field errors, in the real server's order. */
export function validateUpdate(plural: string, obj: KubeObject, old: KubeObject): FieldError[] {
  return UPDATE[plural]?.(obj, old) ?? [];
}
