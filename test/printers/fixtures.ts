// Realistic objects for printer tests: a fresh kubeadm cluster as in FIDELITY §1.7, plus a few workloads.
import type {
  ContainerStatus,
  Deployment,
  EndpointSlice,
  Endpoints,
  Event,
  KubeObject,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  Service,
} from "../../sandbox/api/types.ts";

/** The test clock: 2025-01-10T12:00:00Z. */
export const NOW = Date.parse("2025-01-10T12:00:00Z");

/** An RFC 3339 timestamp `seconds` before NOW. */
export function ago(seconds: number): string {
  return new Date(NOW - seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

const MIN = 60;

function running(name: string, image: string, ready = true, restartCount = 0): ContainerStatus {
  return {
    name,
    image,
    imageID: "",
    ready,
    restartCount,
    started: ready,
    state: { running: { startedAt: ago(40) } },
  };
}

/** Build a pod; `statuses` default to one running, ready container. */
export function pod(
  namespace: string,
  name: string,
  age: number,
  opts: {
    phase?: "Pending" | "Running" | "Succeeded" | "Failed";
    node?: string;
    ip?: string;
    labels?: Record<string, string>;
    statuses?: ContainerStatus[];
    containers?: string[];
  } = {},
): Pod {
  const containers = (opts.containers ?? [name.split("-")[0]]).map((c) => ({ name: c, image: c }));
  const phase = opts.phase ?? "Running";
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace, creationTimestamp: ago(age), labels: opts.labels, uid: `uid-${name}` },
    spec: { containers, nodeName: opts.node },
    status: {
      phase,
      podIP: opts.ip,
      podIPs: opts.ip ? [{ ip: opts.ip }] : undefined,
      containerStatuses:
        phase === "Pending" && !opts.statuses
          ? undefined
          : (opts.statuses ?? containers.map((c) => running(c.name, c.image))),
    },
  };
}

/** kube-system pods of a fresh two-node cluster without a CNI (FIDELITY §1.7). */
export function kubeSystemPods(): Pod[] {
  const cp = { node: "controlplane", ip: "172.30.1.2" };
  return [
    pod("kube-system", "coredns-668d6bf9bc-4xk9p", 45, {
      phase: "Pending",
      labels: { "k8s-app": "kube-dns" },
    }),
    pod("kube-system", "coredns-668d6bf9bc-tq7lm", 45, {
      phase: "Pending",
      labels: { "k8s-app": "kube-dns" },
    }),
    pod("kube-system", "etcd-controlplane", 52, {
      ...cp,
      labels: { component: "etcd", tier: "control-plane" },
    }),
    pod("kube-system", "kube-apiserver-controlplane", 52, { ...cp, containers: ["kube-apiserver"] }),
    pod("kube-system", "kube-controller-manager-controlplane", 52, {
      ...cp,
      containers: ["kube-controller-manager"],
    }),
    pod("kube-system", "kube-proxy-8wzrd", 45, { ...cp, containers: ["kube-proxy"] }),
    pod("kube-system", "kube-proxy-b2n6v", 20, {
      node: "node01",
      ip: "172.30.2.2",
      containers: ["kube-proxy"],
    }),
    pod("kube-system", "kube-scheduler-controlplane", 52, { ...cp, containers: ["kube-scheduler"] }),
  ];
}

/** nginx (Running, 5m) and a crash-looping web pod (3 restarts, last 25s ago, 2m10s old). */
export function appPods(): Pod[] {
  const crashing: ContainerStatus = {
    name: "web",
    image: "web:broken",
    imageID: "",
    ready: false,
    restartCount: 3,
    state: { waiting: { reason: "CrashLoopBackOff" } },
    lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ago(25) } },
  };
  return [
    pod("default", "nginx", 5 * MIN, { node: "node01", ip: "10.244.1.2", labels: { run: "nginx" } }),
    pod("default", "web-7d4b9c8f5d-x2x9z", 2 * MIN + 10, {
      node: "node02",
      ip: "10.244.2.3",
      labels: { app: "web", "pod-template-hash": "7d4b9c8f5d" },
      statuses: [crashing],
      containers: ["web"],
    }),
  ];
}

/** Build a node with kubeadm's labels, v1.32.4, Ubuntu 22.04.5 and containerd 1.7.24. */
export function node(name: string, age: number, ip: string, ready: boolean, controlPlane = false): Node {
  const labels: Record<string, string> = {
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": name,
    "kubernetes.io/os": "linux",
  };
  if (controlPlane) labels["node-role.kubernetes.io/control-plane"] = "";
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, creationTimestamp: ago(age), labels },
    spec: {},
    status: {
      conditions: [
        {
          type: "Ready",
          status: ready ? "True" : "False",
          reason: ready ? "KubeletReady" : "KubeletNotReady",
        },
      ],
      addresses: [
        { type: "InternalIP", address: ip },
        { type: "Hostname", address: name },
      ],
      nodeInfo: {
        machineID: "",
        systemUUID: "",
        bootID: "",
        kernelVersion: "5.15.0-131-generic",
        osImage: "Ubuntu 22.04.5 LTS",
        containerRuntimeVersion: "containerd://1.7.24",
        kubeletVersion: "v1.32.4",
        kubeProxyVersion: "v1.32.4",
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  };
}

/** The two nodes of the §1.7 capture (no CNI yet, so NotReady). */
export function freshNodes(): Node[] {
  return [node("controlplane", 45, "172.30.1.2", false, true), node("node01", 20, "172.30.2.2", false)];
}

/** Build a namespace in phase Active. */
export function namespace(name: string, age: number): Namespace {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name, creationTimestamp: ago(age) },
    status: { phase: "Active" },
  };
}

/** Build a service. */
export function service(
  ns: string,
  name: string,
  age: number,
  spec: Service["spec"],
  labels?: Record<string, string>,
): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: ns, creationTimestamp: ago(age), labels },
    spec: { clusterIPs: spec.clusterIP ? [spec.clusterIP] : undefined, ...spec },
  };
}

/** `kubernetes` and `kube-dns` as kubeadm creates them. */
export function clusterServices(kubernetesAge: number, dnsAge: number): Service[] {
  return [
    service(
      "default",
      "kubernetes",
      kubernetesAge,
      {
        type: "ClusterIP",
        clusterIP: "10.96.0.1",
        ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
      },
      { component: "apiserver", provider: "kubernetes" },
    ),
    service(
      "kube-system",
      "kube-dns",
      dnsAge,
      {
        type: "ClusterIP",
        clusterIP: "10.96.0.10",
        selector: { "k8s-app": "kube-dns" },
        ports: [
          { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
          { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
          { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
        ],
      },
      { "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" },
    ),
  ];
}

/** A NodePort service `web` at 10.104.22.7, 80:30080/TCP, selecting app=web. */
export function webService(age: number): Service {
  return service("default", "web", age, {
    type: "NodePort",
    clusterIP: "10.104.22.7",
    selector: { app: "web" },
    ports: [{ port: 80, protocol: "TCP", targetPort: 80, nodePort: 30080 }],
  });
}

/** The coredns Deployment (0/2 ready) and its ReplicaSet. */
export function corednsWorkloads(): [Deployment, ReplicaSet] {
  const template = {
    metadata: { labels: { "k8s-app": "kube-dns" } },
    spec: { containers: [{ name: "coredns", image: "registry.k8s.io/coredns/coredns:v1.11.3" }] },
  };
  const deploy: Deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: "coredns",
      namespace: "kube-system",
      creationTimestamp: ago(58),
      labels: { "k8s-app": "kube-dns" },
    },
    spec: { replicas: 2, selector: { matchLabels: { "k8s-app": "kube-dns" } }, template },
    status: { replicas: 2, updatedReplicas: 2, unavailableReplicas: 2 },
  };
  const rs: ReplicaSet = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "coredns-668d6bf9bc", namespace: "kube-system", creationTimestamp: ago(45) },
    spec: {
      replicas: 2,
      selector: { matchLabels: { "k8s-app": "kube-dns", "pod-template-hash": "668d6bf9bc" } },
      template,
    },
    status: { replicas: 2, fullyLabeledReplicas: 2 },
  };
  return [deploy, rs];
}

/** The `kubernetes` Endpoints and EndpointSlice pointing at the API server on 172.30.1.2:6443. */
export function apiserverEndpoints(age: number): [Endpoints, EndpointSlice] {
  const meta = { namespace: "default", creationTimestamp: ago(age) };
  return [
    {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name: "kubernetes", ...meta },
      subsets: [
        { addresses: [{ ip: "172.30.1.2" }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] },
      ],
    },
    {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: "kubernetes", ...meta },
      addressType: "IPv4",
      endpoints: [{ addresses: ["172.30.1.2"], conditions: { ready: true } }],
      ports: [{ name: "https", port: 6443, protocol: "TCP" }],
    },
  ];
}

/** The Scheduled and Pulling events of the nginx pod. */
export function nginxEvents(): Event[] {
  const involved = { kind: "Pod", namespace: "default", name: "nginx", apiVersion: "v1" };
  return [
    {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "nginx.181f3c5a2b3c4d5e", namespace: "default", creationTimestamp: ago(12) },
      involvedObject: involved,
      reason: "Scheduled",
      message: "Successfully assigned default/nginx to node01",
      source: { component: "default-scheduler" },
      firstTimestamp: null,
      lastTimestamp: null,
      eventTime: "2025-01-10T11:59:47.876543Z",
      type: "Normal",
      reportingComponent: "default-scheduler",
    },
    {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "nginx.181f3c5a3c4d5e6f", namespace: "default", creationTimestamp: ago(11) },
      involvedObject: { ...involved, fieldPath: "spec.containers{nginx}" },
      reason: "Pulling",
      message: 'Pulling image "nginx"',
      source: { component: "kubelet", host: "node01" },
      firstTimestamp: ago(11),
      lastTimestamp: ago(11),
      count: 1,
      type: "Normal",
    },
  ];
}

/** Build a bare object of any kind (used for RBAC and config types). */
export function object(
  apiVersion: string,
  kind: string,
  name: string,
  age: number,
  extra: object = {},
): KubeObject {
  return { apiVersion, kind, metadata: { name, creationTimestamp: ago(age) }, ...extra };
}
