// The resource types the API server serves, as discovery describes them.

/** One served resource type. */
export interface ResourceType {
  /** Lower-case plural, as in URLs and messages: `pods`, `deployments`. */
  plural: string;
  singular: string;
  kind: string;
  /** API group; "" for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: string[];
  /** The etcd key prefix after `/registry/` (FIDELITY §6). */
  etcdPrefix: string;
  verbs: string[];
  categories?: string[];
  /** The warning the server sends with every request for a deprecated type (kubectl prints it on stderr). */
  deprecation?: string;
}

/** Resources with a `status` subresource (its own writes; spec writes leave status alone), as discovery lists. */
export const WITH_STATUS_SUBRESOURCE: ReadonlySet<string> = new Set([
  "pods",
  "nodes",
  "services",
  "namespaces",
  "deployments",
  "replicasets",
  "daemonsets",
  "jobs",
  "cronjobs",
]);

/** Resources with a `scale` subresource. */
export const WITH_SCALE_SUBRESOURCE: ReadonlySet<string> = new Set(["deployments", "replicasets"]);

const ALL_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

function r(
  plural: string,
  kind: string,
  group: string,
  namespaced: boolean,
  shortNames: string[] = [],
  extra: Partial<ResourceType> = {},
): ResourceType {
  return {
    plural,
    singular: kind.toLowerCase(),
    kind,
    group,
    version: "v1",
    namespaced,
    shortNames,
    etcdPrefix: plural,
    verbs: ALL_VERBS,
    ...extra,
  };
}

/** Every resource type, in `kubectl api-resources` order (core group first, then groups by name). */
export const RESOURCES: readonly ResourceType[] = [
  r("componentstatuses", "ComponentStatus", "", false, ["cs"], {
    verbs: ["get", "list"],
    deprecation: "v1 ComponentStatus is deprecated in v1.19+",
  }),
  r("configmaps", "ConfigMap", "", true, ["cm"]),
  r("endpoints", "Endpoints", "", true, ["ep"], { etcdPrefix: "services/endpoints", singular: "endpoints" }),
  r("events", "Event", "", true, ["ev"]),
  r("namespaces", "Namespace", "", false, ["ns"], {
    verbs: ["create", "delete", "get", "list", "patch", "update", "watch"],
  }),
  r("nodes", "Node", "", false, ["no"], { etcdPrefix: "minions" }),
  r("pods", "Pod", "", true, ["po"], { categories: ["all"] }),
  r("secrets", "Secret", "", true),
  r("serviceaccounts", "ServiceAccount", "", true, ["sa"]),
  r("services", "Service", "", true, ["svc"], { etcdPrefix: "services/specs", categories: ["all"] }),
  r("daemonsets", "DaemonSet", "apps", true, ["ds"], { categories: ["all"] }),
  r("deployments", "Deployment", "apps", true, ["deploy"], { categories: ["all"] }),
  r("replicasets", "ReplicaSet", "apps", true, ["rs"], { categories: ["all"] }),
  r("cronjobs", "CronJob", "batch", true, ["cj"], { categories: ["all"] }),
  r("jobs", "Job", "batch", true, [], { categories: ["all"] }),
  r("leases", "Lease", "coordination.k8s.io", true),
  r("endpointslices", "EndpointSlice", "discovery.k8s.io", true),
  r("clusterrolebindings", "ClusterRoleBinding", "rbac.authorization.k8s.io", false),
  r("clusterroles", "ClusterRole", "rbac.authorization.k8s.io", false),
  r("rolebindings", "RoleBinding", "rbac.authorization.k8s.io", true),
  r("roles", "Role", "rbac.authorization.k8s.io", true),
];

const byName = new Map<string, ResourceType>();
for (const rt of RESOURCES) {
  for (const n of [rt.plural, rt.singular, ...rt.shortNames]) byName.set(n, rt);
  byName.set(`${rt.plural}.${rt.group}`, rt);
  byName.set(`${rt.singular}.${rt.group}`, rt);
}
const byKind = new Map<string, ResourceType>(RESOURCES.map((rt) => [rt.kind, rt]));

/** Resolve what a user typed (`po`, `pods`, `deployment.apps`, `Pod`) to a resource type, case-insensitively. */
export function lookupResource(name: string): ResourceType | undefined {
  const lower = name.toLowerCase();
  return byName.get(lower) ?? byKind.get(name) ?? RESOURCES.find((rt) => rt.kind.toLowerCase() === lower);
}

/** Find the resource type for an object's `kind` (and optionally its apiVersion). */
export function resourceForKind(kind: string, apiVersion?: string): ResourceType | undefined {
  const rt = byKind.get(kind);
  if (!rt || apiVersion === undefined) return rt;
  return apiVersion === groupVersion(rt) ? rt : undefined;
}

/** `v1` for the core group, `<group>/v1` otherwise. */
export function groupVersion(rt: ResourceType): string {
  return rt.group ? `${rt.group}/${rt.version}` : rt.version;
}

/** `pods` or `deployments.apps`: the name used in messages. */
export function qualifiedName(rt: ResourceType): string {
  return rt.group ? `${rt.plural}.${rt.group}` : rt.plural;
}

/** `pod` or `deployment.apps`: the prefix of `<kind>/<name>` in kubectl output. */
export function kindPrefix(rt: ResourceType): string {
  const k = rt.kind.toLowerCase();
  return rt.group ? `${k}.${rt.group}` : k;
}
