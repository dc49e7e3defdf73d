// The files kubeadm, the kubelet package and containerd leave on a node (v1.32 cluster).
// The root-ca-cert-publisher copies this CA into every kube-root-ca.crt ConfigMap; the node holds the same one.
import { placeholderPem } from "../api/pki.ts";
import type { FileTree } from "./filesystem.ts";
import { type ControlPlaneParams, staticPodManifests } from "./kubeadm-manifests.ts";

/** What the kubeadm files of one node depend on. */
export interface KubeadmNodeParams {
  role: "control-plane" | "worker";
  nodeName: string;
  controlPlane: ControlPlaneParams;
  pauseImage: string;
}

// The model holds no real keys or certificates; kubectl's own redaction marker stands in for the data.
const NO_KEYS = "# kubenotes: no real key material; *-data fields are placeholders.\n";

function kubeconfig(server: string, user: string, userBody: string): string {
  return `${NO_KEYS}apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: ${server}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: ${user}
  name: ${user}@kubernetes
current-context: ${user}@kubernetes
kind: Config
preferences: {}
users:
- name: ${user}
  user:
${userBody}`;
}

const embedded = "    client-certificate-data: DATA+OMITTED\n    client-key-data: DATA+OMITTED\n";
const kubeletPem =
  "    client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem\n    client-key: /var/lib/kubelet/pki/kubelet-client-current.pem\n";

/** Render /var/lib/kubelet/config.yaml as kubeadm writes it. */
export function kubeletConfigYaml(): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
resolvConf: /run/systemd/resolve/resolv.conf
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;
}

/** Render the kubelet's systemd drop-in, 10-kubeadm.conf. */
export function kubeadmDropIn(): string {
  return `# Note: This dropin only works with kubeadm and kubelet v1.11+
[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
# kubeadm init/join writes KUBELET_KUBEADM_ARGS into this file.
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
# Last-resort user overrides go in KUBELET_EXTRA_ARGS here.
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;
}

/** The kubelet command line kubeadm's drop-in and flags file produce. */
export function kubeletArgv(pauseImage: string): string[] {
  return [
    "/usr/bin/kubelet",
    "--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf",
    "--kubeconfig=/etc/kubernetes/kubelet.conf",
    "--config=/var/lib/kubelet/config.yaml",
    "--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock",
    `--pod-infra-container-image=${pauseImage}`,
  ];
}

/** Render /etc/containerd/config.toml (abridged to the settings that matter for Kubernetes). */
export function containerdConfigToml(pauseImage: string): string {
  return `# kubenotes: abridged; \`containerd config default\` prints every setting.
disabled_plugins = []
root = "/var/lib/containerd"
state = "/run/containerd"
version = 2

[grpc]
  address = "/run/containerd/containerd.sock"

[plugins]

  [plugins."io.containerd.grpc.v1.cri"]
    sandbox_image = "${pauseImage}"

    [plugins."io.containerd.grpc.v1.cri".cni]
      bin_dir = "/opt/cni/bin"
      conf_dir = "/etc/cni/net.d"

    [plugins."io.containerd.grpc.v1.cri".containerd]
      default_runtime_name = "runc"
      snapshotter = "overlayfs"

      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes]

        [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
          runtime_type = "io.containerd.runc.v2"

          [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
            SystemdCgroup = true
`;
}

const PKI_FILES = [
  "apiserver.crt",
  "apiserver.key",
  "apiserver-etcd-client.crt",
  "apiserver-etcd-client.key",
  "apiserver-kubelet-client.crt",
  "apiserver-kubelet-client.key",
  "ca.crt",
  "ca.key",
  "front-proxy-ca.crt",
  "front-proxy-ca.key",
  "front-proxy-client.crt",
  "front-proxy-client.key",
  "sa.key",
  "sa.pub",
  "etcd/ca.crt",
  "etcd/ca.key",
  "etcd/healthcheck-client.crt",
  "etcd/healthcheck-client.key",
  "etcd/peer.crt",
  "etcd/peer.key",
  "etcd/server.crt",
  "etcd/server.key",
];

/** Write the kubeadm-related files of one node into its file tree. */
export function writeKubeadmFiles(fs: FileTree, p: KubeadmNodeParams, now: number): void {
  const cp = p.controlPlane;
  const server = `https://${cp.advertiseAddress}:6443`;
  for (const dir of [
    "/etc/kubernetes/manifests",
    "/etc/kubernetes/pki",
    "/var/lib/kubelet/pki",
    "/etc/cni/net.d",
  ]) {
    fs.mkdirp(dir, now);
  }
  fs.mkdirp("/opt/cni/bin", now);
  fs.mkdirp("/usr/lib/systemd/system/kubelet.service.d", now);
  fs.writeFile("/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf", kubeadmDropIn(), now);
  fs.writeFile("/var/lib/kubelet/config.yaml", kubeletConfigYaml(), now);
  fs.writeFile(
    "/var/lib/kubelet/kubeadm-flags.env",
    `KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=${p.pauseImage}"\n`,
    now,
  );
  fs.writeFile("/var/lib/kubelet/pki/kubelet-client-current.pem", placeholderPem("kubelet.crt"), now, 0o600);
  fs.mkdirp("/etc/containerd", now);
  fs.writeFile("/etc/containerd/config.toml", containerdConfigToml(p.pauseImage), now);
  const node = `system:node:${p.nodeName}`;
  fs.writeFile("/etc/kubernetes/kubelet.conf", kubeconfig(server, node, kubeletPem), now, 0o600);
  if (p.role === "worker") {
    fs.writeFile("/etc/kubernetes/pki/ca.crt", placeholderPem("ca.crt"), now);
    return;
  }
  fs.mkdirp("/etc/kubernetes/pki/etcd", now);
  fs.mkdirp("/var/lib/etcd", now, 0o700);
  for (const f of PKI_FILES) {
    fs.writeFile(`/etc/kubernetes/pki/${f}`, placeholderPem(f), now, f.endsWith(".key") ? 0o600 : 0o644);
  }
  const confs: Record<string, string> = {
    "admin.conf": "kubernetes-admin",
    "super-admin.conf": "kubernetes-super-admin",
    "controller-manager.conf": "system:kube-controller-manager",
    "scheduler.conf": "system:kube-scheduler",
  };
  for (const [file, user] of Object.entries(confs)) {
    fs.writeFile(`/etc/kubernetes/${file}`, kubeconfig(server, user, embedded), now, 0o600);
  }
  // What `kubeadm init` tells you to run next: mkdir -p $HOME/.kube; cp admin.conf $HOME/.kube/config.
  fs.mkdirp("/root/.kube", now);
  fs.writeFile("/root/.kube/config", kubeconfig(server, "kubernetes-admin", embedded), now, 0o600);
  for (const [file, text] of Object.entries(staticPodManifests(cp))) {
    fs.writeFile(`/etc/kubernetes/manifests/${file}`, text, now, 0o600);
  }
}
