// The bootstrap RBAC objects as the API server stores them, made once per process and frozen: every
// cluster stores the same templates, each with its own uid, resourceVersion and creationTimestamp.
// The API server's own policy loads from bootstrap-policy.json (see policy-build.ts); kubeadm's is built.
import { resourceForKind } from "../../../api/resources.ts";
import type { KubeObject, PolicyRule, RoleObject } from "../../../api/types.ts";
import POLICY_JSON from "./bootstrap-policy.json" with { type: "json" };
import { clusterInfoRbac, type KubeadmSpec, kubeadmAddonRbac, kubeadmInitRbac } from "./kubeadm.ts";
import { binding, deepFreeze, role } from "./objects.ts";

/** An object to store, and the resource it is stored as. */
export interface StoredTemplate {
  plural: string;
  obj: KubeObject;
}

/** Turn one of kubeadm's specs into the object kubeadm sends. */
function kubeadmObject(spec: KubeadmSpec): StoredTemplate {
  const obj =
    "rules" in spec
      ? role(spec.kind, spec.name, spec.namespace, spec.rules)
      : binding(spec.kind, spec, spec.namespace, false);
  return { plural: resourceForKind(spec.kind)!.plural, obj };
}

let policy: readonly StoredTemplate[] | undefined;
let kubeadmInit: readonly StoredTemplate[] | undefined;
let kubeadmAddons: readonly StoredTemplate[] | undefined;

// Loading the stored policy costs a fraction of building it, which the first boot of a page felt.
function decodePolicy(): StoredTemplate[] {
  const { rules, templates } = POLICY_JSON as unknown as { rules: PolicyRule[]; templates: StoredTemplate[] };
  for (const { obj } of templates) {
    const r = obj as RoleObject;
    if (r.rules) r.rules = (r.rules as unknown as number[]).map((i) => rules[i]);
  }
  return templates;
}

/** The API server's bootstrap policy (ClusterRoles, ClusterRoleBindings, Roles, RoleBindings), frozen. */
export function bootstrapPolicy(): readonly StoredTemplate[] {
  policy ??= deepFreeze(decodePolicy());
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
