// The RBAC shapes `auth can-i` reads (rbac.authorization.k8s.io/v1) and the request it asks about.
import type { KubeObject } from "../../api/types.ts";

/** One rule of a Role or ClusterRole. */
export interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** A ClusterRole's aggregationRule: the labels of the ClusterRoles whose rules it collects. */
export interface AggregationRule {
  clusterRoleSelectors?: Array<{ matchLabels?: Record<string, string> }>;
}

/** A Role or ClusterRole. */
export interface RoleObject extends KubeObject {
  rules?: PolicyRule[];
  aggregationRule?: AggregationRule;
}

/** A subject of a binding: a User, a Group, or a ServiceAccount. */
export interface Subject {
  kind: string;
  apiGroup?: string;
  name: string;
  namespace?: string;
}

/** A RoleBinding or ClusterRoleBinding. */
export interface Binding extends KubeObject {
  roleRef: { kind: string; name: string; apiGroup?: string };
  subjects?: Subject[];
}

/** Who is asking: the authenticated (or impersonated) user name and groups. */
export interface UserInfo {
  name: string;
  groups: string[];
}

/** A resource request (`path` undefined) or a non-resource URL request (`path` set). */
export interface AccessRequest {
  verb: string;
  group: string;
  resource: string;
  subresource: string;
  name: string;
  /** "" for cluster scope or all namespaces. */
  namespace: string;
  path?: string;
}
