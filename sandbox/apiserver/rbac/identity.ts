// The user a kubectl request runs as: the kubeconfig's admin, or who --as/--as-group impersonate.
import type { UserInfo } from "./types.ts";

const ANONYMOUS = "system:anonymous";
const AUTHENTICATED = "system:authenticated";
const UNAUTHENTICATED = "system:unauthenticated";

/**
 * The caller without impersonation. kubeadm v1.29+ puts kubernetes-admin in kubeadm:cluster-admins,
 * bound to cluster-admin; the model has no bootstrap ClusterRoles, so it treats the caller as
 * system:masters, which passes every check the same way.
 */
export const ADMIN: UserInfo = { name: "kubernetes-admin", groups: ["system:masters", AUTHENTICATED] };

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
