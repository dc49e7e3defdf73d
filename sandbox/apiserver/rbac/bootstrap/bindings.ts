// The default ClusterRoleBindings and the Roles and RoleBindings in kube-system and kube-public that
// kube-apiserver v1.32 writes at start (bootstrappolicy ClusterRoleBindings, ControllerRoleBindings,
// NamespaceRoles and NamespaceRoleBindings).
import type { PolicyRule, Subject } from "../../../api/types.ts";
import { CONTROLLER_PREFIX, controllerRoles } from "./controller-roles.ts";
import { core, eventsRule, READ, rule } from "./rule.ts";
import { type BindingSpec, group, serviceAccount, user } from "./subjects.ts";

/** A Role in one namespace. */
export interface NamespacedRoleSpec {
  namespace: string;
  name: string;
  rules: PolicyRule[];
}

/** The ClusterRoleBindings of ClusterRoleBindings() then ControllerRoleBindings(). */
export function clusterRoleBindings(): BindingSpec[] {
  const same = (name: string, ...subjects: Subject[]): BindingSpec => ({ name, role: name, subjects });
  return [
    same("cluster-admin", group("system:masters")),
    same("system:basic-user", group("system:authenticated")),
    same("system:discovery", group("system:authenticated")),
    same("system:kube-controller-manager", user("system:kube-controller-manager")),
    same("system:kube-dns", serviceAccount("kube-dns")),
    same("system:kube-scheduler", user("system:kube-scheduler")),
    same("system:monitoring", group("system:monitoring")),
    // No subjects: the Node authorizer, not RBAC, authorizes kubelets.
    same("system:node"),
    same("system:node-proxier", user("system:kube-proxy")),
    same("system:public-info-viewer", group("system:authenticated"), group("system:unauthenticated")),
    same("system:service-account-issuer-discovery", group("system:serviceaccounts")),
    same("system:volume-scheduler", user("system:kube-scheduler")),
    ...controllerRoles().map((r) => same(r.name, serviceAccount(r.name.slice(CONTROLLER_PREFIX.length)))),
  ];
}

/** The Roles of NamespaceRoles(), namespace by namespace (kube-public, then kube-system). */
export function namespaceRoles(): NamespacedRoleSpec[] {
  const leaderLocking = [
    rule(["coordination.k8s.io"], "leases", "create get list update watch"),
    rule(["coordination.k8s.io"], "leasecandidates", "create get list update watch"),
  ];
  return [
    {
      namespace: "kube-public",
      name: "system:controller:bootstrap-signer",
      rules: [core("configmaps", READ), core("configmaps", "update", "cluster-info"), eventsRule()],
    },
    {
      namespace: "kube-system",
      name: "extension-apiserver-authentication-reader",
      rules: [core("configmaps", READ, "extension-apiserver-authentication")],
    },
    {
      namespace: "kube-system",
      name: "system::leader-locking-kube-controller-manager",
      rules: leaderLocking,
    },
    { namespace: "kube-system", name: "system::leader-locking-kube-scheduler", rules: leaderLocking },
    { namespace: "kube-system", name: "system:controller:bootstrap-signer", rules: [core("secrets", READ)] },
    {
      namespace: "kube-system",
      name: "system:controller:cloud-provider",
      rules: [core("configmaps", "create get list watch")],
    },
    {
      namespace: "kube-system",
      name: "system:controller:token-cleaner",
      rules: [core("secrets", "delete get list watch"), eventsRule()],
    },
  ];
}

/** The RoleBindings of NamespaceRoleBindings(), with the namespace each lives in. */
export function namespaceRoleBindings(): Array<BindingSpec & { namespace: string }> {
  const bind = (namespace: string, name: string, role: string, ...subjects: Subject[]) => ({
    namespace,
    name,
    role,
    roleKind: "Role" as const,
    subjects,
  });
  const signer = "system:controller:bootstrap-signer";
  return [
    bind("kube-public", signer, signer, serviceAccount("bootstrap-signer")),
    bind(
      "kube-system",
      "system::extension-apiserver-authentication-reader",
      "extension-apiserver-authentication-reader",
      user("system:kube-controller-manager"),
      user("system:kube-scheduler"),
    ),
    bind(
      "kube-system",
      "system::leader-locking-kube-controller-manager",
      "system::leader-locking-kube-controller-manager",
      user("system:kube-controller-manager"),
      serviceAccount("kube-controller-manager"),
      serviceAccount("leader-election-controller"),
    ),
    bind(
      "kube-system",
      "system::leader-locking-kube-scheduler",
      "system::leader-locking-kube-scheduler",
      user("system:kube-scheduler"),
      serviceAccount("kube-scheduler"),
    ),
    bind("kube-system", signer, signer, serviceAccount("bootstrap-signer")),
    bind(
      "kube-system",
      "system:controller:cloud-provider",
      "system:controller:cloud-provider",
      serviceAccount("cloud-provider"),
    ),
    bind(
      "kube-system",
      "system:controller:token-cleaner",
      "system:controller:token-cleaner",
      serviceAccount("token-cleaner"),
    ),
  ];
}
