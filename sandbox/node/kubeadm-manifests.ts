// The static pod manifests `kubeadm init` (v1.32) writes to /etc/kubernetes/manifests.
import { marshalYaml, rememberYaml } from "../util/yaml-cache.ts";
import { staticPodYaml } from "./static-pod-yaml.ts";

/** Versions and addresses a control-plane node's manifests depend on. */
export interface ControlPlaneParams {
  nodeName: string;
  advertiseAddress: string;
  kubernetesVersion: string;
  etcdImage: string;
  serviceCidr: string;
  podCidr: string;
}

/** The default cluster's control-plane parameters. */
export const DEFAULT_CONTROL_PLANE: ControlPlaneParams = {
  nodeName: "controlplane",
  advertiseAddress: "172.30.1.2",
  kubernetesVersion: "v1.32.4",
  etcdImage: "registry.k8s.io/etcd:3.5.16-0",
  serviceCidr: "10.96.0.0/12",
  podCidr: "10.244.0.0/16",
};

type Obj = Record<string, unknown>;

const probe = (host: string, path: string, port: number, scheme: string, extra: Obj): Obj => ({
  failureThreshold: extra.failureThreshold,
  httpGet: { host, path, port, scheme },
  ...(extra.initialDelaySeconds !== undefined ? { initialDelaySeconds: extra.initialDelaySeconds } : {}),
  periodSeconds: extra.periodSeconds,
  timeoutSeconds: 15,
});
const liveness = (host: string, path: string, port: number, scheme: string) =>
  probe(host, path, port, scheme, { failureThreshold: 8, initialDelaySeconds: 10, periodSeconds: 10 });
const readiness = (host: string, path: string, port: number, scheme: string) =>
  probe(host, path, port, scheme, { failureThreshold: 3, periodSeconds: 1 });
const startup = (host: string, path: string, port: number, scheme: string) =>
  probe(host, path, port, scheme, { failureThreshold: 24, initialDelaySeconds: 10, periodSeconds: 10 });

interface Mount {
  name: string;
  path: string;
  type: "DirectoryOrCreate" | "FileOrCreate";
  readOnly: boolean;
}

const CA_MOUNTS: Mount[] = [
  { name: "ca-certs", path: "/etc/ssl/certs", type: "DirectoryOrCreate", readOnly: true },
  { name: "etc-ca-certificates", path: "/etc/ca-certificates", type: "DirectoryOrCreate", readOnly: true },
  { name: "k8s-certs", path: "/etc/kubernetes/pki", type: "DirectoryOrCreate", readOnly: true },
  {
    name: "usr-local-share-ca-certificates",
    path: "/usr/local/share/ca-certificates",
    type: "DirectoryOrCreate",
    readOnly: true,
  },
  {
    name: "usr-share-ca-certificates",
    path: "/usr/share/ca-certificates",
    type: "DirectoryOrCreate",
    readOnly: true,
  },
];

// kubeadm serialises with sigs.k8s.io/yaml: keys sorted, mounts by mount path, volumes by name. Every map
// here is built with its keys in that order, so staticPodYaml can print it as the marshaller would.
function staticPod(name: string, annotations: Obj | null, container: Obj, mounts: Mount[]): string {
  const byPath = [...mounts].sort((a, b) => (a.path < b.path ? -1 : 1));
  const byName = [...mounts].sort((a, b) => (a.name < b.name ? -1 : 1));
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      ...(annotations ? { annotations } : {}),
      creationTimestamp: null,
      labels: { component: name, tier: "control-plane" },
      name,
      namespace: "kube-system",
    },
    spec: {
      containers: [
        {
          ...container,
          volumeMounts: byPath.map((m) => ({
            mountPath: m.path,
            name: m.name,
            ...(m.readOnly ? { readOnly: true } : {}),
          })),
        },
      ],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: "system-node-critical",
      securityContext: { seccompProfile: { type: "RuntimeDefault" } },
      volumes: byName.map((m) => ({ hostPath: { path: m.path, type: m.type }, name: m.name })),
    },
    status: {},
  };
  const text = staticPodYaml(pod);
  if (text === undefined) return marshalYaml(pod);
  rememberYaml(text, pod);
  return text;
}

/** Render /etc/kubernetes/manifests/etcd.yaml. */
export function etcdManifest(p: ControlPlaneParams): string {
  const ip = p.advertiseAddress;
  return staticPod(
    "etcd",
    { "kubeadm.kubernetes.io/etcd.advertise-client-urls": `https://${ip}:2379` },
    {
      command: [
        "etcd",
        `--advertise-client-urls=https://${ip}:2379`,
        "--cert-file=/etc/kubernetes/pki/etcd/server.crt",
        "--client-cert-auth=true",
        "--data-dir=/var/lib/etcd",
        "--experimental-initial-corrupt-check=true",
        "--experimental-watch-progress-notify-interval=5s",
        `--initial-advertise-peer-urls=https://${ip}:2380`,
        `--initial-cluster=${p.nodeName}=https://${ip}:2380`,
        "--key-file=/etc/kubernetes/pki/etcd/server.key",
        `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
        "--listen-metrics-urls=http://127.0.0.1:2381",
        `--listen-peer-urls=https://${ip}:2380`,
        `--name=${p.nodeName}`,
        "--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt",
        "--peer-client-cert-auth=true",
        "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key",
        "--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt",
        "--snapshot-count=10000",
        "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt",
      ],
      image: p.etcdImage,
      imagePullPolicy: "IfNotPresent",
      livenessProbe: liveness("127.0.0.1", "/livez", 2381, "HTTP"),
      name: "etcd",
      readinessProbe: readiness("127.0.0.1", "/readyz", 2381, "HTTP"),
      resources: { requests: { cpu: "100m", memory: "100Mi" } },
      startupProbe: startup("127.0.0.1", "/readyz", 2381, "HTTP"),
    },
    [
      { name: "etcd-data", path: "/var/lib/etcd", type: "DirectoryOrCreate", readOnly: false },
      { name: "etcd-certs", path: "/etc/kubernetes/pki/etcd", type: "DirectoryOrCreate", readOnly: false },
    ],
  );
}

/** Render /etc/kubernetes/manifests/kube-apiserver.yaml. */
export function apiserverManifest(p: ControlPlaneParams): string {
  const ip = p.advertiseAddress;
  const pki = "/etc/kubernetes/pki";
  return staticPod(
    "kube-apiserver",
    { "kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint": `${ip}:6443` },
    {
      command: [
        "kube-apiserver",
        `--advertise-address=${ip}`,
        "--allow-privileged=true",
        "--authorization-mode=Node,RBAC",
        `--client-ca-file=${pki}/ca.crt`,
        "--enable-admission-plugins=NodeRestriction",
        "--enable-bootstrap-token-auth=true",
        `--etcd-cafile=${pki}/etcd/ca.crt`,
        `--etcd-certfile=${pki}/apiserver-etcd-client.crt`,
        `--etcd-keyfile=${pki}/apiserver-etcd-client.key`,
        "--etcd-servers=https://127.0.0.1:2379",
        `--kubelet-client-certificate=${pki}/apiserver-kubelet-client.crt`,
        `--kubelet-client-key=${pki}/apiserver-kubelet-client.key`,
        "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname",
        `--proxy-client-cert-file=${pki}/front-proxy-client.crt`,
        `--proxy-client-key-file=${pki}/front-proxy-client.key`,
        "--requestheader-allowed-names=front-proxy-client",
        `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`,
        "--requestheader-extra-headers-prefix=X-Remote-Extra-",
        "--requestheader-group-headers=X-Remote-Group",
        "--requestheader-username-headers=X-Remote-User",
        "--secure-port=6443",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        `--service-account-key-file=${pki}/sa.pub`,
        `--service-account-signing-key-file=${pki}/sa.key`,
        `--service-cluster-ip-range=${p.serviceCidr}`,
        `--tls-cert-file=${pki}/apiserver.crt`,
        `--tls-private-key-file=${pki}/apiserver.key`,
      ],
      image: `registry.k8s.io/kube-apiserver:${p.kubernetesVersion}`,
      imagePullPolicy: "IfNotPresent",
      livenessProbe: liveness(ip, "/livez", 6443, "HTTPS"),
      name: "kube-apiserver",
      readinessProbe: readiness(ip, "/readyz", 6443, "HTTPS"),
      resources: { requests: { cpu: "250m" } },
      startupProbe: startup(ip, "/livez", 6443, "HTTPS"),
    },
    CA_MOUNTS,
  );
}

/** Render /etc/kubernetes/manifests/kube-controller-manager.yaml. */
export function controllerManagerManifest(p: ControlPlaneParams): string {
  const conf = "/etc/kubernetes/controller-manager.conf";
  const pki = "/etc/kubernetes/pki";
  return staticPod(
    "kube-controller-manager",
    null,
    {
      command: [
        "kube-controller-manager",
        "--allocate-node-cidrs=true",
        `--authentication-kubeconfig=${conf}`,
        `--authorization-kubeconfig=${conf}`,
        "--bind-address=127.0.0.1",
        `--client-ca-file=${pki}/ca.crt`,
        `--cluster-cidr=${p.podCidr}`,
        "--cluster-name=kubernetes",
        `--cluster-signing-cert-file=${pki}/ca.crt`,
        `--cluster-signing-key-file=${pki}/ca.key`,
        "--controllers=*,bootstrapsigner,tokencleaner",
        `--kubeconfig=${conf}`,
        "--leader-elect=true",
        `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`,
        `--root-ca-file=${pki}/ca.crt`,
        `--service-account-private-key-file=${pki}/sa.key`,
        `--service-cluster-ip-range=${p.serviceCidr}`,
        "--use-service-account-credentials=true",
      ],
      image: `registry.k8s.io/kube-controller-manager:${p.kubernetesVersion}`,
      imagePullPolicy: "IfNotPresent",
      livenessProbe: liveness("127.0.0.1", "/healthz", 10257, "HTTPS"),
      name: "kube-controller-manager",
      resources: { requests: { cpu: "200m" } },
      startupProbe: startup("127.0.0.1", "/healthz", 10257, "HTTPS"),
    },
    [
      ...CA_MOUNTS,
      {
        name: "flexvolume-dir",
        path: "/usr/libexec/kubernetes/kubelet-plugins/volume/exec",
        type: "DirectoryOrCreate",
        readOnly: false,
      },
      { name: "kubeconfig", path: conf, type: "FileOrCreate", readOnly: true },
    ],
  );
}

/** Render /etc/kubernetes/manifests/kube-scheduler.yaml. */
export function schedulerManifest(p: ControlPlaneParams): string {
  const conf = "/etc/kubernetes/scheduler.conf";
  return staticPod(
    "kube-scheduler",
    null,
    {
      command: [
        "kube-scheduler",
        `--authentication-kubeconfig=${conf}`,
        `--authorization-kubeconfig=${conf}`,
        "--bind-address=127.0.0.1",
        `--kubeconfig=${conf}`,
        "--leader-elect=true",
      ],
      image: `registry.k8s.io/kube-scheduler:${p.kubernetesVersion}`,
      imagePullPolicy: "IfNotPresent",
      livenessProbe: liveness("127.0.0.1", "/healthz", 10259, "HTTPS"),
      name: "kube-scheduler",
      resources: { requests: { cpu: "100m" } },
      startupProbe: startup("127.0.0.1", "/healthz", 10259, "HTTPS"),
    },
    [{ name: "kubeconfig", path: conf, type: "FileOrCreate", readOnly: true }],
  );
}

/** Render all four manifests, keyed by file name. */
export function staticPodManifests(p: ControlPlaneParams): Record<string, string> {
  // Every cluster boot renders the same YAML for the same parameters: render it once.
  const key = JSON.stringify(p);
  let out = rendered.get(key);
  if (!out) {
    out = {
      "etcd.yaml": etcdManifest(p),
      "kube-apiserver.yaml": apiserverManifest(p),
      "kube-controller-manager.yaml": controllerManagerManifest(p),
      "kube-scheduler.yaml": schedulerManifest(p),
    };
    if (rendered.size > 16) rendered.clear();
    rendered.set(key, out);
  }
  return { ...out };
}

const rendered = new Map<string, Record<string, string>>();
