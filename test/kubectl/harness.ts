// A small control plane for kubectl tests: etcd, API server, controller manager and scheduler over
// virtual time, two Ready nodes and no kubelets (pods are scheduled but never start).
import {
  storeBootstrapPolicy,
  storeKubeadmInitRbac,
} from "../../sandbox/apiserver/rbac/bootstrap/install.ts";
import { ApiServer } from "../../sandbox/apiserver/server.ts";
import { apiserverService } from "../../sandbox/cluster/addons.ts";
import { ControllerManager } from "../../sandbox/controllers/controller-manager.ts";
import { Etcd } from "../../sandbox/etcd/store.ts";
import type { CommandResult, KubectlContext } from "../../sandbox/kubectl/context.ts";
import { runKubectl } from "../../sandbox/kubectl/index.ts";
import { Scheduler } from "../../sandbox/scheduler/scheduler.ts";
import { EventLoop } from "../../sandbox/util/event-loop.ts";
import { Random } from "../../sandbox/util/random.ts";

/** 2025-01-15T09:00:00Z. */
export const START = Date.UTC(2025, 0, 15, 9, 0, 0);

/** A harness: the API, files kubectl can read, and a runner for command lines. */
export interface Harness {
  loop: EventLoop;
  etcd: Etcd;
  api: ApiServer;
  files: Map<string, string>;
  /** Run `kubectl <line>` (split on spaces) or an argv, with optional stdin. */
  kubectl(line: string | string[], stdin?: string): CommandResult;
  ctx(stdin?: string): KubectlContext;
}

/** Boot the harness; nodes `controlplane` and `node01` are Ready, the first tainted as kubeadm does. */
export function makeHarness(opts: { nodes?: boolean } = {}): Harness {
  const loop = new EventLoop({ startTime: START });
  const etcd = new Etcd();
  const random = new Random(7);
  const api = new ApiServer({
    etcd,
    loop,
    random: random.fork("apiserver"),
    serviceCIDR: "10.96.0.0/12",
    nodePortRange: "30000-32767",
  });
  for (const ns of ["default", "kube-node-lease", "kube-public", "kube-system"])
    api.create("namespaces", { metadata: { name: ns } });
  // The default roles, and kubeadm's binding that makes the caller (kubeadm:cluster-admins) an admin.
  storeBootstrapPolicy(api, random.fork("rbac"), START);
  storeKubeadmInitRbac(api, random.fork("rbac"), START);
  const settings = {
    version: "v1.32.4",
    controlPlaneIP: "172.30.1.2",
    serviceCIDR: "10.96.0.0/12",
    podCIDR: "10.244.0.0/16",
    dnsIP: "10.96.0.10",
  };
  for (const { plural, obj } of apiserverService(settings)) api.create(plural, obj);
  if (opts.nodes !== false) {
    addNode(api, "controlplane", "172.30.1.2", true);
    addNode(api, "node01", "172.30.2.2", false);
  }
  new ControllerManager({ api, clusterCIDR: "10.244.0.0/16", nodeMonitorGracePeriodMs: 1e12 }).start();
  new Scheduler({ api, random: random.fork("scheduler"), hostname: "controlplane" }).start();
  loop.advance(60_000);
  const files = new Map<string, string>();
  const ctx = (stdin = ""): KubectlContext => ({
    api,
    kubelets: {
      logs: () => ({ error: "no kubelet in this harness" }),
      exec: () => ({ stdout: "", stderr: "error: no kubelet in this harness\n", exitCode: 1 }),
    },
    stdin,
    readFile: (p) => files.get(p),
    writeFile: (p, content) => {
      files.set(p, content);
      return undefined;
    },
    write: () => {},
    waitUntil: (done, limitMs) => loop.advanceUntil(done, limitMs),
    interactive: false,
  });
  return {
    loop,
    etcd,
    api,
    files,
    ctx,
    kubectl: (line, stdin) => {
      // Let controllers react to the previous command first, as they would while a person types.
      loop.drain();
      return runKubectl(ctx(stdin), typeof line === "string" ? line.split(" ").filter((w) => w) : line);
    },
  };
}

function addNode(api: ApiServer, name: string, ip: string, controlPlane: boolean): void {
  const ts = new Date(api.loop.now()).toISOString().replace(/\.\d+Z$/, "Z");
  api.create("nodes", {
    metadata: {
      name,
      labels: {
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        ...(controlPlane ? { "node-role.kubernetes.io/control-plane": "" } : {}),
      },
    },
    spec: controlPlane
      ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] }
      : {},
  });
  api.mutate(
    "nodes",
    undefined,
    name,
    (n) => {
      n.status = {
        capacity: { cpu: "2", memory: "4015876Ki", pods: "110" },
        allocatable: { cpu: "2", memory: "3913476Ki", pods: "110" },
        conditions: [
          {
            type: "Ready",
            status: "True",
            reason: "KubeletReady",
            message: "kubelet is posting ready status",
            lastHeartbeatTime: ts,
            lastTransitionTime: ts,
          },
        ],
        addresses: [
          { type: "InternalIP", address: ip },
          { type: "Hostname", address: name },
        ],
        nodeInfo: {
          kubeletVersion: "v1.32.4",
          osImage: "Ubuntu 22.04.5 LTS",
          kernelVersion: "5.15.0-131-generic",
          containerRuntimeVersion: "containerd://1.7.24",
          architecture: "amd64",
          operatingSystem: "linux",
        },
      } as never;
      return true;
    },
    true,
  );
}
