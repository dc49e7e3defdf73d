// The bootstrap RBAC objects as the API server stores them, built once per process and frozen: every
// cluster stores the same templates, each with its own uid, resourceVersion and creationTimestamp.
import { resourceForKind } from "../../../api/resources.ts";
import type { Binding, KubeObject, RoleObject } from "../../../api/types.ts";
import { aggregatedRules, sameRules } from "./aggregate.ts";
import { type BindingSpec, clusterRoleBindings, namespaceRoleBindings, namespaceRoles } from "./bindings.ts";
import { clusterRoles } from "./cluster-roles.ts";
import { controllerRoles } from "./controller-roles.ts";
import { clusterInfoRbac, type KubeadmSpec, kubeadmAddonRbac, kubeadmInitRbac } from "./kubeadm.ts";

/** An object to store, and the resource it is stored as. */
export interface StoredTemplate {
  plural: string;
  obj: KubeObject;
}

const API_VERSION = "rbac.authorization.k8s.io/v1";
const GROUP = "rbac.authorization.k8s.io";
const DEFAULTS = Object.freeze({ "kubernetes.io/bootstrapping": "rbac-defaults" });
const AUTOUPDATE = Object.freeze({ "rbac.authorization.kubernetes.io/autoupdate": "true" });

function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
}

function meta(
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

function binding(
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

function role(
  kind: string,
  name: string,
  ns: string | undefined,
  rules: RoleObject["rules"],
  bootstrap = false,
) {
  const obj: RoleObject = { apiVersion: API_VERSION, kind, metadata: meta(name, ns, bootstrap), rules };
  return obj;
}

/** Turn one of kubeadm's specs into the object kubeadm sends. */
function kubeadmObject(spec: KubeadmSpec): StoredTemplate {
  const obj =
    "rules" in spec
      ? role(spec.kind, spec.name, spec.namespace, spec.rules)
      : binding(spec.kind, spec, spec.namespace, false);
  return { plural: resourceForKind(spec.kind)!.plural, obj };
}

function buildPolicy(): StoredTemplate[] {
  const roles: RoleObject[] = [...clusterRoles(), ...controllerRoles()].map((r) => {
    const obj: RoleObject = {
      apiVersion: API_VERSION,
      kind: "ClusterRole",
      metadata: meta(r.name, undefined, true, r.labels),
      rules: r.rules,
    };
    if (r.aggregateFrom)
      obj.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { [r.aggregateFrom]: "true" } }] };
    return obj;
  });
  // The aggregation controller fills admin, edit and view within a second of start: store them filled.
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of roles) {
      if (!r.aggregationRule) continue;
      const rules = aggregatedRules(r, roles);
      if (!sameRules(rules, r.rules)) {
        r.rules = rules;
        changed = true;
      }
    }
  }
  return [
    ...roles.map((obj) => ({ plural: "clusterroles", obj })),
    ...clusterRoleBindings().map((b) => ({
      plural: "clusterrolebindings",
      obj: binding("ClusterRoleBinding", b, undefined, true),
    })),
    ...namespaceRoles().map((r) => ({
      plural: "roles",
      obj: role("Role", r.name, r.namespace, r.rules, true),
    })),
    ...namespaceRoleBindings().map((b) => ({
      plural: "rolebindings",
      obj: binding("RoleBinding", b, b.namespace, true),
    })),
  ];
}

let policy: readonly StoredTemplate[] | undefined;
let kubeadmInit: readonly StoredTemplate[] | undefined;
let kubeadmAddons: readonly StoredTemplate[] | undefined;

/** The API server's bootstrap policy (ClusterRoles, ClusterRoleBindings, Roles, RoleBindings), frozen. */
export function bootstrapPolicy(): readonly StoredTemplate[] {
  policy ??= deepFreeze(buildPolicy());
  return policy;
}

/** kubeadm's RBAC objects of its phases before the addons (cluster-info's pair aside), frozen. */
export function kubeadmInitPolicy(): readonly StoredTemplate[] {
  kubeadmInit ??= deepFreeze(kubeadmInitRbac().map(kubeadmObject));
  return kubeadmInit;
}

/** The RBAC objects of kubeadm's CoreDNS and kube-proxy addons, frozen. */
export function kubeadmAddonPolicy(): readonly StoredTemplate[] {
  kubeadmAddons ??= deepFreeze(kubeadmAddonRbac().map(kubeadmObject));
  return kubeadmAddons;
}

/** cluster-info's Role and RoleBinding, as kubeadm sends them (fresh objects, for the API's create). */
export function clusterInfoObjects(): StoredTemplate[] {
  return clusterInfoRbac().map(kubeadmObject);
}
