// RBAC (rbac.authorization.k8s.io/v1) and TokenRequest (authentication.k8s.io/v1) objects, in their JSON shape.
import type { KubeObject } from "./types.ts";

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

/** The object a token is bound to: a Pod, Secret or Node (apiVersion v1). */
export interface BoundObjectReference {
  kind?: string;
  apiVersion?: string;
  name?: string;
  uid?: string;
}

/** An authentication.k8s.io/v1 TokenRequest: the request's spec, and the issued token in status. */
export interface TokenRequest extends KubeObject {
  spec: {
    audiences?: string[] | null;
    expirationSeconds?: number | null;
    boundObjectRef?: BoundObjectReference | null;
  };
  status?: { token: string; expirationTimestamp: string };
}
