// The Node object a kubelet registers and the status it reports.
import type { Condition, Node, NodeStatus } from "../api/types.ts";
import { NODE_DISK } from "../node/machine.ts";
import { jsonEqual } from "../util/json-equal.ts";
import type { Random } from "../util/random.ts";
import { rfc3339 } from "../util/time.ts";

/** Facts about the machine the kubelet runs on. */
export interface MachineFacts {
  name: string;
  ip: string;
  controlPlane: boolean;
  cpu: string;
  memoryKi: number;
  kernelVersion: string;
  osImage: string;
  containerRuntimeVersion: string;
  kubeletVersion: string;
}

/** The message containerd reports while no CNI config exists. */
export const CNI_NOT_READY =
  "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized";

/** Build the Node object for registration. */
export function registrationObject(m: MachineFacts, random: Random): Node {
  const labels: Record<string, string> = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": m.name,
    "kubernetes.io/os": "linux",
  };
  if (m.controlPlane) {
    // kubeadm's mark-control-plane phase adds these right after registration.
    labels["node-role.kubernetes.io/control-plane"] = "";
    labels["node.kubernetes.io/exclude-from-external-load-balancers"] = "";
  }
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: m.name,
      labels,
      annotations: {
        "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    // The kubelet registers with the not-ready taint so nothing lands before it reports Ready.
    spec: {
      taints: [
        ...(m.controlPlane
          ? [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" as const }]
          : []),
        { key: "node.kubernetes.io/not-ready", effect: "NoSchedule" as const },
      ],
    },
    status: {
      nodeInfo: {
        machineID: random.hex(32),
        systemUUID: random.uuid(),
        bootID: random.uuid(),
        kernelVersion: m.kernelVersion,
        osImage: m.osImage,
        containerRuntimeVersion: m.containerRuntimeVersion,
        kubeletVersion: m.kubeletVersion,
        kubeProxyVersion: "",
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  };
}

/** Compute the status the kubelet reports now; `prev` keeps transition times stable. */
export function nodeStatus(
  m: MachineFacts,
  prev: NodeStatus | undefined,
  networkReady: boolean,
  now: number,
): NodeStatus {
  const stamp = rfc3339(now);
  const old = new Map((prev?.conditions ?? []).map((c) => [c.type, c]));
  const cond = (type: string, status: "True" | "False", reason: string, message: string): Condition => {
    const p = old.get(type);
    return {
      type,
      status,
      lastHeartbeatTime: stamp,
      lastTransitionTime: p && p.status === status ? p.lastTransitionTime : stamp,
      reason,
      message,
    };
  };
  const allocMemKi = m.memoryKi - 102400;
  return {
    addresses: [
      { type: "InternalIP", address: m.ip },
      { type: "Hostname", address: m.name },
    ],
    allocatable: {
      cpu: m.cpu,
      "ephemeral-storage": "18561997179",
      "hugepages-1Gi": "0",
      "hugepages-2Mi": "0",
      memory: `${allocMemKi}Ki`,
      pods: "110",
    },
    capacity: {
      cpu: m.cpu,
      "ephemeral-storage": `${NODE_DISK.rootKb}Ki`,
      "hugepages-1Gi": "0",
      "hugepages-2Mi": "0",
      memory: `${m.memoryKi}Ki`,
      pods: "110",
    },
    conditions: [
      cond(
        "MemoryPressure",
        "False",
        "KubeletHasSufficientMemory",
        "kubelet has sufficient memory available",
      ),
      cond("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
      cond("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
      networkReady
        ? cond("Ready", "True", "KubeletReady", "kubelet is posting ready status")
        : cond("Ready", "False", "KubeletNotReady", CNI_NOT_READY),
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: prev?.nodeInfo,
  };
}

/** Whether two statuses differ in anything but heartbeat times. */
export function statusChanged(a: NodeStatus | undefined, b: NodeStatus): boolean {
  // Compared in place rather than on copies with the heartbeats blanked: asked every few seconds per node.
  if (!equalExcept(a ?? {}, b, "conditions")) return true;
  const x = a?.conditions ?? undefined;
  const y = b.conditions ?? undefined;
  if (x === undefined || y === undefined) return x !== y;
  if (x.length !== y.length) return true;
  for (let i = 0; i < x.length; i++)
    if (!equalExcept(x[i] ?? {}, y[i] ?? {}, "lastHeartbeatTime")) return true;
  return false;
}

// jsonEqual of two objects as if `skip` were absent from both.
function equalExcept(a: object, b: object, skip: string): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (k === skip || x[k] === undefined) continue;
    n++;
    if (!jsonEqual(x[k], y[k])) return false;
  }
  for (const k in y) if (k !== skip && y[k] !== undefined) n--;
  return n === 0;
}
