// What the prober needs from the node: dial from the host network namespace (HTTP and TCP probes go from
// the kubelet to the pod IP, not from inside the pod) and run a command in a container (CRI ExecSync).

/** Why a dial failed, as the errno behind Go's net.Dial error. */
export type DialError = "refused" | "timeout" | "unreachable" | "no-route" | "net-unreachable";

/** The node-side door the prober uses. */
export interface ProbeTransport {
  /** Connect from the node's host namespace to ip:port over TCP, send `payload`, return the reply. */
  tcp(
    ip: string,
    port: number,
    payload: string,
  ): { ok: true; response: string } | { ok: false; error: DialError };
  /** Run argv in a running container and wait for it (ExecSync). */
  exec(containerId: string, argv: string[]): { stdout: string; stderr: string; exitCode: number };
}

// Keyed by the cluster's API server, then node name: the network model registers each node as it attaches
// it, and the kubelet of that node finds it there (a stand-in for the kubelet running on the node itself).
const registry = new WeakMap<object, Map<string, ProbeTransport>>();

/** Register the probe transport of one node of a cluster. */
export function provideProbeTransport(cluster: object, nodeName: string, t: ProbeTransport): void {
  let byNode = registry.get(cluster);
  if (!byNode) {
    byNode = new Map();
    registry.set(cluster, byNode);
  }
  byNode.set(nodeName, t);
}

/** Find the probe transport of a node, if the network model provided one. */
export function probeTransportFor(cluster: object, nodeName: string): ProbeTransport | undefined {
  return registry.get(cluster)?.get(nodeName);
}
