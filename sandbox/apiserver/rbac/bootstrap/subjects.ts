// Binding specs and their subjects (Group, User, ServiceAccount), shared by the API server's bootstrap
// bindings and kubeadm's.
import type { Subject } from "../../../api/types.ts";

const GROUP = "rbac.authorization.k8s.io";

/** One binding: its name, the role it grants (a ClusterRole unless `roleKind` says Role) and its subjects. */
export interface BindingSpec {
  name: string;
  role: string;
  roleKind?: "Role" | "ClusterRole";
  subjects: Subject[];
}

/** A Group subject. */
export const group = (name: string): Subject => ({ kind: "Group", apiGroup: GROUP, name });
/** A User subject. */
export const user = (name: string): Subject => ({ kind: "User", apiGroup: GROUP, name });
/** A ServiceAccount subject (kube-system unless said). */
export const serviceAccount = (name: string, namespace = "kube-system"): Subject => ({
  kind: "ServiceAccount",
  name,
  namespace,
});
