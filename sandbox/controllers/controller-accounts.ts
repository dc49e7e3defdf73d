// The ServiceAccounts kube-controller-manager makes for its controllers. kubeadm runs it with
// --use-service-account-credentials=true, so each controller asks the client builder for a client of its
// own; the builder reads `kube-system/<name>` and creates that ServiceAccount when it is missing.
import type { ServiceAccount } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";

/**
 * The account names the v1.32 controllers ask for under kubeadm's --controllers=*,bootstrapsigner,tokencleaner
 * and the default feature gates: every system:controller:* binding of the bootstrap policy, less the
 * cloud-provider ones (service-controller, route-controller: those controllers stop before asking without
 * a cloud provider, KEP-2395), plus the bootstrap-signer and token-cleaner Role bindings. Several
 * controllers share one account (node-controller serves node-ipam, node-lifecycle and taint-eviction;
 * certificate-controller the CSR signer, approver and cleaner).
 */
export const CONTROLLER_ACCOUNTS: readonly string[] = [
  "attachdetach-controller",
  "bootstrap-signer",
  "certificate-controller",
  "clusterrole-aggregation-controller",
  "cronjob-controller",
  "daemon-set-controller",
  "deployment-controller",
  "disruption-controller",
  "endpoint-controller",
  "endpointslice-controller",
  "endpointslicemirroring-controller",
  "ephemeral-volume-controller",
  "expand-controller",
  "generic-garbage-collector",
  "horizontal-pod-autoscaler",
  "job-controller",
  "legacy-service-account-token-cleaner",
  "namespace-controller",
  "node-controller",
  "persistent-volume-binder",
  "pod-garbage-collector",
  "pv-protection-controller",
  "pvc-protection-controller",
  "replicaset-controller",
  "replication-controller",
  "resourcequota-controller",
  "root-ca-cert-publisher",
  "service-account-controller",
  "statefulset-controller",
  "token-cleaner",
  "ttl-after-finished-controller",
  "ttl-controller",
  "validatingadmissionpolicy-status-controller",
];

/**
 * Get or create each controller's account, as the controllers start once the process leads. Go starts
 * them from a map, in no fixed order; the model takes name order.
 */
export function ensureControllerAccounts(api: ApiServer): void {
  for (const name of CONTROLLER_ACCOUNTS) {
    if (api.tryGet<ServiceAccount>("serviceaccounts", "kube-system", name)) continue;
    api.create<ServiceAccount>("serviceaccounts", { metadata: { name, namespace: "kube-system" } });
  }
}
