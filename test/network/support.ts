// Shared helpers for the network tests: a cluster, a shell, and a way to run lines and read results.
import { expect } from "vitest";
import type { Pod, Service } from "../../sandbox/api/types.ts";
import { type Cluster, createCluster } from "../../sandbox/cluster/cluster.ts";
import type { Shell } from "../../sandbox/shell/shell.ts";

/** A booted cluster with one shell on the control plane. */
export interface Lab {
  cluster: Cluster;
  shell: Shell;
  run(line: string): { stdout: string; stderr: string; exitCode: number };
  pods(selector?: string): Pod[];
  service(name: string): Service;
}

/** Boot a cluster (default preset unless given) and wrap its shell. */
export function lab(preset?: string): Lab {
  const cluster = createCluster(preset ? { preset } : {});
  const shell = cluster.shell();
  return {
    cluster,
    shell,
    run: (line) => shell.run(line),
    pods: (selector) =>
      cluster.api.list<Pod>("pods", {
        namespace: "default",
        ...(selector ? { labelSelector: selector } : {}),
      }).items,
    service: (name) => cluster.api.get<Service>("services", "default", name),
  };
}

/** Apply a Pod called `name` whose spec is the given YAML lines (indented under `spec:`); expects success. */
export function applyPod(l: Lab, name: string, spec: string): void {
  const r = l.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${spec}
EOF`);
  expect(r.exitCode).toBe(0);
}

/** Lines that create a two-replica nginx Deployment `web`, its Service and a busybox `client` pod. */
export const WEB_SETUP = [
  "kubectl create deployment web --image=nginx --replicas=2",
  "kubectl expose deployment web --port=80",
  "kubectl run client --image=busybox -- sleep 3600",
  "sleep 30",
];
