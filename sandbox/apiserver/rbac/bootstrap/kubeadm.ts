// The RBAC objects `kubeadm init` v1.32 writes through the API, in the order of its phases: the admins'
// binding, the upload-config and kubelet-config phases, the bootstrap-token phase, and the CoreDNS and
// kube-proxy addons. They carry no bootstrapping label: kubeadm, not the API server, owns them.
import type { PolicyRule, Subject } from "../../../api/types.ts";
import { core, rule } from "./rule.ts";
import type { BindingSpec } from "./subjects.ts";
import { group, serviceAccount, user } from "./subjects.ts";

/** A kubeadm RBAC object: a ClusterRole or Role (rules), or a binding. */
export type KubeadmSpec =
  | { kind: "ClusterRole" | "Role"; name: string; namespace?: string; rules: PolicyRule[] }
  | ({ kind: "ClusterRoleBinding" | "RoleBinding"; namespace?: string } & BindingSpec);

/** The group kubeadm puts kubernetes-admin in (kubeadm v1.29+), bound to cluster-admin. */
export const CLUSTER_ADMINS_GROUP = "kubeadm:cluster-admins";
/** The group bootstrap tokens authenticate as while a node joins. */
const BOOTSTRAPPERS = "system:bootstrappers:kubeadm:default-node-token";

const NODES = "system:nodes";
const KS = "kube-system";

function clusterBinding(name: string, role: string, ...subjects: Subject[]): KubeadmSpec {
  return { kind: "ClusterRoleBinding", name, role, subjects };
}

// A Role that may read one ConfigMap in its namespace, and its binding (same name).
function readOneConfigMap(namespace: string, name: string, configMap: string, ...subjects: Subject[]) {
  return [
    { kind: "Role", name, namespace, rules: [core("configmaps", "get", configMap)] },
    { kind: "RoleBinding", name, namespace, role: name, roleKind: "Role", subjects },
  ] satisfies KubeadmSpec[];
}

/** kubeadm's RBAC objects up to the bootstrap-token phase, cluster-info's Role and RoleBinding excluded. */
export function kubeadmInitRbac(): KubeadmSpec[] {
  return [
    clusterBinding(CLUSTER_ADMINS_GROUP, "cluster-admin", group(CLUSTER_ADMINS_GROUP)),
    ...readOneConfigMap(
      KS,
      "kubeadm:nodes-kubeadm-config",
      "kubeadm-config",
      group(BOOTSTRAPPERS),
      group(NODES),
    ),
    ...readOneConfigMap(KS, "kubeadm:kubelet-config", "kubelet-config", group(NODES), group(BOOTSTRAPPERS)),
    { kind: "ClusterRole", name: "kubeadm:get-nodes", rules: [core("nodes", "get")] },
    clusterBinding("kubeadm:get-nodes", "kubeadm:get-nodes", group(BOOTSTRAPPERS)),
    clusterBinding("kubeadm:kubelet-bootstrap", "system:node-bootstrapper", group(BOOTSTRAPPERS)),
    clusterBinding(
      "kubeadm:node-autoapprove-bootstrap",
      "system:certificates.k8s.io:certificatesigningrequests:nodeclient",
      group(BOOTSTRAPPERS),
    ),
    clusterBinding(
      "kubeadm:node-autoapprove-certificate-rotation",
      "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient",
      group(NODES),
    ),
  ];
}

/** The Role and RoleBinding that let anyone, even unauthenticated, read kube-public's cluster-info. */
export function clusterInfoRbac(): KubeadmSpec[] {
  const name = "kubeadm:bootstrap-signer-clusterinfo";
  return readOneConfigMap("kube-public", name, "cluster-info", user("system:anonymous"));
}

/** The CoreDNS addon's ClusterRole and binding, then the kube-proxy addon's binding, Role and RoleBinding. */
export function kubeadmAddonRbac(): KubeadmSpec[] {
  return [
    {
      kind: "ClusterRole",
      name: "system:coredns",
      rules: [
        core("endpoints services pods namespaces", "list watch"),
        rule(["discovery.k8s.io"], "endpointslices", "list watch"),
      ],
    },
    clusterBinding("system:coredns", "system:coredns", serviceAccount("coredns")),
    clusterBinding("kubeadm:node-proxier", "system:node-proxier", serviceAccount("kube-proxy")),
    ...readOneConfigMap(KS, "kube-proxy", "kube-proxy", group(BOOTSTRAPPERS)),
  ];
}
