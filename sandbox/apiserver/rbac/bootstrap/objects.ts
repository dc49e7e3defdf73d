// The shapes the bootstrap RBAC objects are stored in: metadata with the API server's bootstrapping label
// and autoupdate annotation, bindings and roles in Go's field order.
import type { Binding, KubeObject, RoleObject } from "../../../api/types.ts";
import type { BindingSpec } from "./subjects.ts";

/** The RBAC API version every bootstrap object has. */
export const API_VERSION = "rbac.authorization.k8s.io/v1";
const GROUP = "rbac.authorization.k8s.io";
const DEFAULTS = Object.freeze({ "kubernetes.io/bootstrapping": "rbac-defaults" });
const AUTOUPDATE = Object.freeze({ "rbac.authorization.kubernetes.io/autoupdate": "true" });

/** Freeze a value and everything in it. */
export function deepFreeze<T>(v: T): T {
  if (typeof v !== "object" || v === null || Object.isFrozen(v)) return v;
  // Frozen before its contents and walked without Object.keys: a few times quicker on a cold first boot.
  Object.freeze(v);
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) deepFreeze(v[i]);
  else for (const k in v) deepFreeze((v as Record<string, unknown>)[k]);
  return v;
}

/** Build an object's metadata; bootstrap objects get the API server's label and annotation. */
export function meta(
  name: string,
  namespace: string | undefined,
  bootstrap: boolean,
  labels?: Record<string, string>,
) {
  const m: KubeObject["metadata"] = { name };
  if (namespace) m.namespace = namespace;
  if (bootstrap) {
    m.labels = labels ? { ...DEFAULTS, ...labels } : DEFAULTS;
    m.annotations = AUTOUPDATE;
  }
  return m;
}

/** Build a ClusterRoleBinding or RoleBinding from its spec. */
export function binding(
  kind: string,
  spec: BindingSpec,
  namespace: string | undefined,
  bootstrap: boolean,
): Binding {
  const b: Binding = {
    apiVersion: API_VERSION,
    kind,
    metadata: meta(spec.name, namespace, bootstrap),
    roleRef: { apiGroup: GROUP, kind: spec.roleKind ?? "ClusterRole", name: spec.role },
  };
  // Go's struct order puts subjects before roleRef; a binding without subjects has none at all.
  return spec.subjects.length > 0
    ? { apiVersion: b.apiVersion, kind, metadata: b.metadata, subjects: spec.subjects, roleRef: b.roleRef }
    : b;
}

/** Build a ClusterRole or Role. */
export function role(
  kind: string,
  name: string,
  ns: string | undefined,
  rules: RoleObject["rules"],
  bootstrap = false,
) {
  const obj: RoleObject = { apiVersion: API_VERSION, kind, metadata: meta(name, ns, bootstrap), rules };
  return obj;
}
