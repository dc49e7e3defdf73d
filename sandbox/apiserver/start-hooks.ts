// What kube-apiserver writes into kube-system through its post-start hooks, besides the RBAC policy
// (rbac/bootstrap) and the system namespaces: the authentication ConfigMap extension API servers read,
// the date legacy token tracking began, and its identity lease.
import { CLUSTER_CA_PEM, placeholderPem } from "../api/pki.ts";
import type { ConfigMap } from "../api/types.ts";
import { rfc3339 } from "../util/time.ts";
import { runIdentityLease } from "./identity-lease.ts";
import type { ApiServer } from "./server.ts";

// kubeadm's --requestheader-* flags on kube-apiserver (the front proxy's client certificate and headers).
const REQUEST_HEADER = {
  allowedNames: ["front-proxy-client"],
  extraHeadersPrefix: ["X-Remote-Extra-"],
  groupHeaders: ["X-Remote-Group"],
  usernameHeaders: ["X-Remote-User"],
};

/**
 * The `extension-apiserver-authentication` data (start-cluster-authentication-info-controller): the client
 * CA and the request-header settings, each list JSON-encoded as Go's json.Marshal writes it.
 */
export function authenticationData(): Record<string, string> {
  const list = (l: string[]) => JSON.stringify(l);
  return {
    "client-ca-file": CLUSTER_CA_PEM,
    "requestheader-allowed-names": list(REQUEST_HEADER.allowedNames),
    "requestheader-client-ca-file": placeholderPem("front-proxy-ca.crt"),
    "requestheader-extra-headers-prefix": list(REQUEST_HEADER.extraHeadersPrefix),
    "requestheader-group-headers": list(REQUEST_HEADER.groupHeaders),
    "requestheader-username-headers": list(REQUEST_HEADER.usernameHeaders),
  };
}

function createIfMissing(api: ApiServer, name: string, data: Record<string, string>): void {
  if (api.tryGet<ConfigMap>("configmaps", "kube-system", name)) return;
  api.create<ConfigMap>("configmaps", { metadata: { name, namespace: "kube-system" }, data });
}

/** Where the API server runs and how its identity is drawn. */
export interface StartHookConfig {
  hostname: string;
  /** The uuid of this API server process (the suffix of its lease holder identity). */
  uuid: string;
}

/** Run the hooks once the API server serves; returns a stop for its lease renewal. */
export function runStartHooks(api: ApiServer, cfg: StartHookConfig): () => void {
  createIfMissing(api, "extension-apiserver-authentication", authenticationData());
  // start-legacy-token-tracking-controller: the day tracking began, as Go's "2006-01-02" layout.
  const since = rfc3339(api.loop.now()).slice(0, 10);
  createIfMissing(api, "kube-apiserver-legacy-service-account-token-tracking", { since });
  return runIdentityLease(api, cfg.hostname, cfg.uuid);
}
