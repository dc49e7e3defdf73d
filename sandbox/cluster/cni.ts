// Installing the pod network. Until the networking work lands its flannel model, this writes what
// flannel's DaemonSet writes on each node: the CNI config and flannel's subnet lease file.
import type { Node } from "../api/types.ts";
import type { Cluster } from "./cluster.ts";

/** The CNI config flannel's install-cni container copies to /etc/cni/net.d. */
export const FLANNEL_CONFLIST = `{
  "name": "cbr0",
  "cniVersion": "0.3.1",
  "plugins": [
    {
      "type": "flannel",
      "delegate": {
        "hairpinMode": true,
        "isDefaultGateway": true
      }
    },
    {
      "type": "portmap",
      "capabilities": {
        "portMappings": true
      }
    }
  ]
}
`;

/** Write flannel's per-node files on every node whose podCIDR is known. */
export function installCni(cluster: Cluster): void {
  for (const n of cluster.nodes.values()) {
    const node = cluster.api.tryGet<Node>("nodes", undefined, n.name);
    const cidr = node?.spec.podCIDR;
    if (!cidr) continue;
    const now = cluster.loop.now();
    const fs = n.machine.fs;
    fs.mkdirp("/etc/cni/net.d", now);
    fs.writeFile("/etc/cni/net.d/10-flannel.conflist", FLANNEL_CONFLIST, now);
    fs.mkdirp("/run/flannel", now);
    const gw = cidr.replace(/\.0\/24$/, ".1/24");
    fs.writeFile(
      "/run/flannel/subnet.env",
      `FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=${gw}\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n`,
      now,
    );
  }
}
