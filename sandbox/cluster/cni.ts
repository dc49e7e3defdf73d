// Installing the pod network on the default preset: apply flannel's release manifest through the API,
// exactly as `kubectl apply -f <flannel url>` would; flannel's DaemonSet pods then do the node-side work.
import { applyFlannel } from "../network/flannel-manifest.ts";
import type { Cluster } from "./cluster.ts";

/** Apply the built-in kube-flannel.yml to the cluster's API server, its net-conf set to the pod network. */
export function installCni(cluster: Cluster, podNetwork: string): void {
  applyFlannel(cluster.api, podNetwork);
}
