// node01 and what describe node reads beside it.
import type { Event, Lease, Node, Pod } from "../../sandbox/api/types.ts";
import { ago, event, runningPod } from "./fixtures-common.ts";

const NODE01_UID = "2f1e0d9c-8b7a-4654-9321-0fedcba98765";

/** node01, a Ready kubeadm worker with flannel's pod CIDR 10.244.1.0/24. */
export function node01(): Node {
  const created = ago(3600);
  const heartbeat = ago(50);
  const cond = (
    type: string,
    status: "True" | "False",
    reason: string,
    message: string,
    transition = created,
  ) => ({
    type,
    status,
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: transition,
    reason,
    message,
  });
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: "node01",
      uid: NODE01_UID,
      resourceVersion: "2001",
      creationTimestamp: created,
      labels: {
        "beta.kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": "node01",
        "kubernetes.io/os": "linux",
      },
      annotations: {
        "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec: { podCIDR: "10.244.1.0/24", podCIDRs: ["10.244.1.0/24"] },
    status: {
      capacity: {
        cpu: "2",
        "ephemeral-storage": "20134592Ki",
        "hugepages-2Mi": "0",
        memory: "4015808Ki",
        pods: "110",
      },
      allocatable: {
        cpu: "2",
        "ephemeral-storage": "18556039957",
        "hugepages-2Mi": "0",
        memory: "3913408Ki",
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
        cond("Ready", "True", "KubeletReady", "kubelet is posting ready status", ago(3590)),
      ],
      addresses: [
        { type: "InternalIP", address: "172.30.2.2" },
        { type: "Hostname", address: "node01" },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: "a1b2c3d4e5f60718293a4b5c6d7e8f90",
        systemUUID: "4c4c4544-0042-3510-8052-b4c04f4e3332",
        bootID: "0f9e8d7c-6b5a-4938-2716-05f4e3d2c1b0",
        kernelVersion: "6.8.0-1021-gcp",
        osImage: "Ubuntu 24.04.1 LTS",
        containerRuntimeVersion: "containerd://1.7.24",
        kubeletVersion: "v1.32.0",
        kubeProxyVersion: "v1.32.0",
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  };
}

/** node01's heartbeat Lease in kube-node-lease. */
export function node01Lease(): Lease {
  return {
    apiVersion: "coordination.k8s.io/v1",
    kind: "Lease",
    metadata: {
      name: "node01",
      namespace: "kube-node-lease",
      uid: "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
      creationTimestamp: ago(3600),
      ownerReferences: [{ apiVersion: "v1", kind: "Node", name: "node01", uid: NODE01_UID }],
    },
    spec: { holderIdentity: "node01", leaseDurationSeconds: 40, renewTime: ago(5) },
  };
}

/** Events about node01: kubelet start-up, one of them repeated. */
export function node01Events(): Event[] {
  const byName = { kind: "Node", name: "node01", uid: "node01", apiVersion: "v1", namespace: "" };
  const byUid = { ...byName, uid: NODE01_UID };
  return [
    event("node01.1", byName, "Normal", "Starting", "", "kube-proxy", 3580),
    event("node01.2", byName, "Normal", "Starting", "Starting kubelet.", "kubelet", 3600),
    event(
      "node01.3",
      byName,
      "Normal",
      "NodeHasSufficientMemory",
      "Node node01 status is now: NodeHasSufficientMemory",
      "kubelet",
      3600,
      3599,
      2,
    ),
    event(
      "node01.4",
      byUid,
      "Normal",
      "RegisteredNode",
      "Node node01 event: Registered Node node01 in Controller",
      "node-controller",
      3595,
    ),
    event("node01.5", byName, "Normal", "NodeReady", "Node node01 status is now: NodeReady", "kubelet", 3590),
  ];
}

/** kube-proxy's pod on node01, with no resource requests. */
export function kubeProxyPod(): Pod {
  const pod = runningPod({
    name: "kube-proxy-q8x5m",
    namespace: "kube-system",
    uid: "9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a",
    node: "node01",
    hostIP: "172.30.2.2",
    podIP: "172.30.2.2",
    image: "registry.k8s.io/kube-proxy:v1.32.0",
    container: "kube-proxy",
    labels: { "k8s-app": "kube-proxy" },
    age: 3580,
    tokenSuffix: "abcde",
  });
  return pod;
}
