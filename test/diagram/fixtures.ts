// A default kubeadm cluster after flannel and a small web Deployment: three nodes, system pods, a Service.
import type { EndpointSlice, Node, Pod, Service } from "../../sandbox/api/types.ts";
import type { DiagramSnapshot } from "../../sandbox/diagram/index.ts";

function node(name: string, ip: string, cidr: string, ready: boolean, cp = false): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels: cp ? { "node-role.kubernetes.io/control-plane": "" } : {} },
    spec: { podCIDR: cidr },
    status: {
      addresses: [{ type: "InternalIP", address: ip }],
      conditions: [{ type: "Ready", status: ready ? "True" : "Unknown" }],
    },
  };
}

function pod(
  ns: string,
  name: string,
  nodeName: string,
  ip: string,
  extra: Partial<Pod["spec"]> = {},
  labels: Record<string, string> = {},
): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { namespace: ns, name, labels },
    spec: { nodeName, containers: [{ name: name.split("-")[0], image: "nginx:1.27" }], ...extra },
    status: {
      phase: "Running",
      podIP: ip,
      containerStatuses: [
        {
          name: name.split("-")[0],
          ready: true,
          restartCount: 0,
          image: "nginx:1.27",
          imageID: "",
          state: { running: {} },
        },
      ],
    },
  };
}

const host = { hostNetwork: true };

/** The snapshot every diagram golden is drawn from. */
export function defaultSnapshot(opts: { node02Ready?: boolean } = {}): DiagramSnapshot {
  const nodes = [
    node("node01", "172.30.2.2", "10.244.1.0/24", true),
    node("controlplane", "172.30.1.2", "10.244.0.0/24", true, true),
    node("node02", "172.30.3.2", "10.244.2.0/24", opts.node02Ready ?? true),
  ];
  const web = (suffix: string, n: string, ip: string) =>
    pod(
      "default",
      `web-7d9c5b6f4-${suffix}`,
      n,
      ip,
      {
        containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80, protocol: "TCP" }] }],
      },
      { app: "web" },
    );
  const pods = [
    pod("kube-system", "etcd-controlplane", "controlplane", "172.30.1.2", {
      ...host,
      containers: [{ name: "etcd", image: "registry.k8s.io/etcd:3.5.16-0" }],
    }),
    pod("kube-system", "kube-apiserver-controlplane", "controlplane", "172.30.1.2", host),
    pod("kube-system", "kube-controller-manager-controlplane", "controlplane", "172.30.1.2", host),
    pod("kube-system", "kube-scheduler-controlplane", "controlplane", "172.30.1.2", host),
    pod("kube-system", "kube-proxy-4xk2p", "controlplane", "172.30.1.2", host),
    pod("kube-system", "coredns-668d6bf9bc-7hx2q", "controlplane", "10.244.0.2"),
    pod("kube-system", "coredns-668d6bf9bc-r8w5z", "controlplane", "10.244.0.3"),
    pod("kube-system", "kube-proxy-9mz7d", "node01", "172.30.2.2", host),
    pod("kube-system", "kube-proxy-c6v8n", "node02", "172.30.3.2", host),
    web("abcde", "node01", "10.244.1.2"),
    web("fghij", "node02", "10.244.2.2"),
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { namespace: "default", name: "app-with-sidecar" },
      spec: {
        nodeName: "node01",
        containers: [
          { name: "app", image: "busybox:1.36", volumeMounts: [{ name: "logs", mountPath: "/var/log/app" }] },
          {
            name: "log-shipper",
            image: "busybox:1.36",
            ports: [{ containerPort: 9000 }],
            volumeMounts: [{ name: "logs", mountPath: "/logs", readOnly: true }],
          },
        ],
        volumes: [{ name: "logs", emptyDir: {} }],
      },
      status: {
        phase: "Running",
        podIP: "10.244.1.3",
        containerStatuses: [
          {
            name: "app",
            ready: true,
            restartCount: 0,
            image: "busybox:1.36",
            imageID: "",
            state: { running: {} },
          },
          {
            name: "log-shipper",
            ready: true,
            restartCount: 0,
            image: "busybox:1.36",
            imageID: "",
            state: { running: {} },
          },
        ],
      },
    },
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { namespace: "default", name: "pending" },
      spec: { containers: [{ name: "c", image: "nginx:1.27" }] },
      status: { phase: "Pending" },
    },
  ] as Pod[];
  const services: Service[] = [
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { namespace: "default", name: "web" },
      spec: {
        type: "NodePort",
        clusterIP: "10.103.47.12",
        selector: { app: "web" },
        ports: [{ port: 80, targetPort: 80, protocol: "TCP", nodePort: 30080 }],
      },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { namespace: "default", name: "nothing" },
      spec: {
        clusterIP: "10.96.200.7",
        selector: { app: "none" },
        ports: [{ port: 8080, targetPort: 8080, protocol: "TCP" }],
      },
    },
  ];
  const endpointSlices: EndpointSlice[] = [
    {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { namespace: "default", name: "web-x7q2k", labels: { "kubernetes.io/service-name": "web" } },
      addressType: "IPv4",
      endpoints: [
        {
          addresses: ["10.244.1.2"],
          conditions: { ready: true },
          nodeName: "node01",
          targetRef: { kind: "Pod", name: "web-7d9c5b6f4-abcde", namespace: "default" },
        },
        {
          addresses: ["10.244.2.2"],
          conditions: { ready: false },
          nodeName: "node02",
          targetRef: { kind: "Pod", name: "web-7d9c5b6f4-fghij", namespace: "default" },
        },
      ],
      ports: [{ name: "", port: 80, protocol: "TCP" }],
    },
  ];
  return { nodes, pods, services, endpointSlices };
}
