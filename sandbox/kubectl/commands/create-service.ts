// `kubectl create service clusterip|nodeport NAME --tcp=port[:targetPort]`.
import type { KubeObject } from "../../api/types.ts";
import { fail, type Run } from "./common.ts";

/** Build the Service the generator sends. */
export function buildService(run: Run, type: "ClusterIP" | "NodePort"): KubeObject {
  const name = run.args[0];
  const clusterIP = run.str("clusterip");
  const tcp = run.list("tcp");
  if (tcp.length === 0 && clusterIP !== "None") fail("at least one tcp port specifier must be provided");
  const nodePort = run.num("node-port");
  const ports = tcp.map((spec) => {
    const [p, t = p] = spec.split(":");
    const port = Number(p);
    if (!/^\d+$/.test(p) || port < 1 || port > 65535) fail(`invalid port: ${p}`);
    const targetPort = /^\d+$/.test(t) ? Number(t) : t;
    const out: Record<string, unknown> = { name: `${p}-${t}`, port, protocol: "TCP", targetPort };
    if (type === "NodePort" && nodePort > 0) out.nodePort = nodePort;
    return out;
  });
  const spec: Record<string, unknown> = { ports, selector: { app: name }, type };
  if (clusterIP) spec.clusterIP = clusterIP;
  return {
    kind: "Service",
    apiVersion: "v1",
    metadata: { name, creationTimestamp: null, labels: { app: name } } as unknown as KubeObject["metadata"],
    spec,
    status: { loadBalancer: {} },
  };
}
