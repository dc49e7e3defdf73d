// The user a kubectl request runs as: the kubeconfig's admin, or who --as/--as-group impersonate.
import { CLUSTER_ADMINS_GROUP } from "./bootstrap/kubeadm.ts";
import type { UserInfo } from "./types.ts";

const ANONYMOUS = "system:anonymous";
const AUTHENTICATED = "system:authenticated";
const UNAUTHENTICATED = "system:unauthenticated";

/**
 * The caller without impersonation: admin.conf's client certificate names kubernetes-admin in the
 * kubeadm:cluster-admins group (kubeadm v1.29+), which kubeadm binds to cluster-admin.
 */
const ADMIN: UserInfo = {
  name: "kubernetes-admin",
  groups: [CLUSTER_ADMINS_GROUP, AUTHENTICATED],
};

/** Who a request without credentials is: system:anonymous in system:unauthenticated. */
export const ANONYMOUS_USER: UserInfo = { name: ANONYMOUS, groups: [UNAUTHENTICATED] };

/** The identity the API server's impersonation filter builds from --as and --as-group. */
export function impersonatedUser(as: string, asGroups: readonly string[]): UserInfo {
  if (!as) return ADMIN;
  const groups = [...asGroups];
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(as);
  // A service account with no --as-group gets its fixed groups.
  if (sa && groups.length === 0) groups.push("system:serviceaccounts", `system:serviceaccounts:${sa[1]}`);
  if (as === ANONYMOUS) {
    if (!groups.includes(UNAUTHENTICATED)) groups.push(UNAUTHENTICATED);
  } else if (!groups.includes(AUTHENTICATED) && !groups.includes(UNAUTHENTICATED)) {
    groups.push(AUTHENTICATED);
  }
  return { name: as, groups };
}
