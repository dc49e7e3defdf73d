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
