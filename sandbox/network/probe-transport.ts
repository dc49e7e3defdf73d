// The kubelet's probes on a modelled node: dials leave the host network namespace and follow the packet
// path to the pod (cni0, or the overlay for a host-network pod elsewhere); exec runs as `kubectl exec` does.
import type { ProbeTransport } from "../kubelet/probe-transport.ts";
import { execInContainer } from "./exec.ts";
import type { ClusterNetwork } from "./install.ts";
import type { NodeNetwork } from "./node-network.ts";
import { connect } from "./packet.ts";

/** Build the probe transport of one node. */
export function nodeProbeTransport(cluster: ClusterNetwork, node: NodeNetwork): ProbeTransport {
  return {
    tcp(ip, port, payload) {
      // Probes of host-network pods (the static pods, every second) skip the netfilter walk: the model's
      // OUTPUT rules never touch local traffic unless a user adds some, which these probes then ignore.
      if (node.host.isLocal(ip)) {
        const l = node.machine.sockets.lookup(node.host.inode, "tcp", port, ip);
        if (!l) return { ok: false, error: "refused" };
        return { ok: true, response: l.handler(payload, { now: cluster.now(), remoteIp: ip }) };
      }
      const r = connect(
        cluster.fabric,
        { node, stack: node.host },
        { proto: "tcp", dst: ip, dport: port, payload },
        // The prober reads only the outcome: the hops' texts are not built.
        { now: cluster.now(), random: cluster.random, trace: false },
      );
      return r.ok ? { ok: true, response: r.response } : { ok: false, error: r.error };
    },
    exec(containerId, argv) {
      try {
        const target = node.machine.containerd.execTarget(containerId);
        const r = execInContainer(cluster, node, target, argv, "", cluster.now());
        return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
      } catch (err) {
        return { stdout: "", stderr: err instanceof Error ? err.message : String(err), exitCode: 1 };
      }
    },
  };
}
