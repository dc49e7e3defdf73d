// Realistic objects for the describe tests: a kubeadm-style cluster with nginx on node01 and a web deployment.
import type { EndpointSlice, Event, Namespace, Pod, Service } from "../../sandbox/api/types.ts";
import { ago, event, runningPod } from "./fixtures-common.ts";

export { ago, NOW } from "./fixtures-common.ts";
export { kubeProxyPod, node01, node01Events, node01Lease } from "./fixtures-node.ts";
export { webDeployment, webEvents, webPods, webReplicaSet } from "./fixtures-workloads.ts";

/** The pod `kubectl run nginx --image=nginx` leaves running on node01. */
export function nginxPod(): Pod {
  return runningPod({
    name: "nginx",
    uid: "7c5f2a1e-3b4d-4e8f-9a0b-1c2d3e4f5a6b",
    node: "node01",
    hostIP: "172.30.2.2",
    podIP: "10.244.1.2",
    image: "nginx",
    labels: { run: "nginx" },
    age: 300,
    tokenSuffix: "x7k2p",
  });
}

/** The five events of nginx's start: Scheduled, Pulling, Pulled, Created, Started. */
export function nginxEvents(): Event[] {
  const pod = nginxPod();
  const ref = { kind: "Pod", namespace: "default", name: "nginx", uid: pod.metadata.uid, apiVersion: "v1" };
  const container = { ...ref, fieldPath: "spec.containers{nginx}" };
  return [
    event(
      "nginx.1",
      ref,
      "Normal",
      "Scheduled",
      "Successfully assigned default/nginx to node01",
      "default-scheduler",
      300,
    ),
    event("nginx.2", container, "Normal", "Pulling", 'Pulling image "nginx"', "kubelet", 299),
    event(
      "nginx.3",
      container,
      "Normal",
      "Pulled",
      'Successfully pulled image "nginx" in 1.234s (1.234s including waiting). Image size: 72188133 bytes.',
      "kubelet",
      298,
    ),
    event("nginx.4", container, "Normal", "Created", "Created container: nginx", "kubelet", 298),
    event("nginx.5", container, "Normal", "Started", "Started container nginx", "kubelet", 298),
  ];
}

/** The default/kubernetes Service kubeadm's API server creates. */
export function kubernetesService(): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: "kubernetes",
      namespace: "default",
      uid: "3c2b1a09-8f7e-4d6c-5b4a-392817f6e5d4",
      creationTimestamp: ago(3900),
      labels: { component: "apiserver", provider: "kubernetes" },
    },
    spec: {
      type: "ClusterIP",
      clusterIP: "10.96.0.1",
      clusterIPs: ["10.96.0.1"],
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      internalTrafficPolicy: "Cluster",
      sessionAffinity: "None",
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
    },
    status: { loadBalancer: {} },
  };
}

/** The EndpointSlice that points default/kubernetes at the control plane. */
export function kubernetesEndpointSlice(): EndpointSlice {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: {
      name: "kubernetes",
      namespace: "default",
      labels: { "kubernetes.io/service-name": "kubernetes" },
    },
    addressType: "IPv4",
    endpoints: [{ addresses: ["172.30.1.2"], conditions: { ready: true } }],
    ports: [{ name: "https", port: 6443, protocol: "TCP" }],
  };
}

/** The default namespace. */
export function defaultNamespace(): Namespace {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: "default",
      uid: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
      creationTimestamp: ago(3900),
      labels: { "kubernetes.io/metadata.name": "default" },
    },
    spec: { finalizers: ["kubernetes"] },
    status: { phase: "Active" },
  };
}
