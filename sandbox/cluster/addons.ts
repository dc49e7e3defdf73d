// What `kubeadm init` writes through the API after the control plane is up: its ConfigMaps, the
// kube-proxy DaemonSet and CoreDNS, and the `kubernetes` Service. Its other RBAC objects are stored from
// apiserver/rbac/bootstrap (kubeadm.ts), which holds every RBAC object the cluster boots with.

import { CLUSTER_CA_DATA } from "../api/pki.ts";
import type { KubeObject } from "../api/types.ts";
import { clusterInfoObjects } from "../apiserver/rbac/bootstrap/templates.ts";

/** Cluster-wide settings kubeadm was given. */
export interface KubeadmSettings {
  version: string;
  controlPlaneIP: string;
  serviceCIDR: string;
  podCIDR: string;
  dnsIP: string;
}

const PROXY_IMAGE = (v: string) => `registry.k8s.io/kube-proxy:${v}`;
const COREDNS_IMAGE = "registry.k8s.io/coredns/coredns:v1.11.3";

/** The Corefile kubeadm installs. */
export const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

/** The objects, in the order kubeadm creates them. */
export function kubeadmAddons(s: KubeadmSettings): Array<{ plural: string; obj: KubeObject }> {
  const ks = "kube-system";
  const clusterConfiguration = `apiServer: {}
apiVersion: kubeadm.k8s.io/v1beta4
caCertificateValidityPeriod: 87600h0m0s
certificateValidityPeriod: 8760h0m0s
certificatesDir: /etc/kubernetes/pki
clusterName: kubernetes
controllerManager: {}
dns: {}
encryptionAlgorithm: RSA-2048
etcd:
  local:
    dataDir: /var/lib/etcd
imageRepository: registry.k8s.io
kind: ClusterConfiguration
kubernetesVersion: ${s.version}
networking:
  dnsDomain: cluster.local
  podSubnet: ${s.podCIDR}
  serviceSubnet: ${s.serviceCIDR}
proxy: {}
scheduler: {}
`;
  return [
    {
      plural: "configmaps",
      obj: {
        metadata: { name: "kubeadm-config", namespace: ks },
        data: { ClusterConfiguration: clusterConfiguration },
      },
    },
    {
      plural: "configmaps",
      obj: {
        metadata: { name: "kubelet-config", namespace: ks },
        data: {
          kubelet: `apiVersion: kubelet.config.k8s.io/v1beta1\ncgroupDriver: systemd\nclusterDNS:\n- ${s.dnsIP}\nclusterDomain: cluster.local\nkind: KubeletConfiguration\nstaticPodPath: /etc/kubernetes/manifests\n`,
        },
      },
    },
    {
      plural: "configmaps",
      obj: {
        metadata: { name: "cluster-info", namespace: "kube-public" },
        data: {
          kubeconfig: `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: ${CLUSTER_CA_DATA}\n    server: https://${s.controlPlaneIP}:6443\n  name: ""\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n`,
        },
      },
    },
    // kubeadm lets anyone, even unauthenticated, read cluster-info: that is what kube-public is for.
    ...clusterInfoObjects(),
    { plural: "serviceaccounts", obj: { metadata: { name: "coredns", namespace: ks } } },
    {
      plural: "configmaps",
      obj: { metadata: { name: "coredns", namespace: ks }, data: { Corefile: COREFILE } },
    },
    {
      plural: "deployments",
      obj: {
        metadata: { name: "coredns", namespace: ks, labels: { "k8s-app": "kube-dns" } },
        spec: {
          replicas: 2,
          selector: { matchLabels: { "k8s-app": "kube-dns" } },
          strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: "25%" } },
          template: {
            metadata: { labels: { "k8s-app": "kube-dns" } },
            spec: {
              priorityClassName: "system-cluster-critical",
              serviceAccountName: "coredns",
              tolerations: [
                { key: "CriticalAddonsOnly", operator: "Exists" },
                { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" },
              ],
              nodeSelector: { "kubernetes.io/os": "linux" },
              containers: [
                {
                  name: "coredns",
                  image: COREDNS_IMAGE,
                  imagePullPolicy: "IfNotPresent",
                  args: ["-conf", "/etc/coredns/Corefile"],
                  resources: { limits: { memory: "170Mi" }, requests: { cpu: "100m", memory: "70Mi" } },
                  volumeMounts: [{ name: "config-volume", mountPath: "/etc/coredns", readOnly: true }],
                  ports: [
                    { containerPort: 53, name: "dns", protocol: "UDP" },
                    { containerPort: 53, name: "dns-tcp", protocol: "TCP" },
                    { containerPort: 9153, name: "metrics", protocol: "TCP" },
                  ],
                  readinessProbe: {
                    httpGet: { path: "/ready", port: 8181, scheme: "HTTP" },
                    periodSeconds: 10,
                    timeoutSeconds: 1,
                    successThreshold: 1,
                    failureThreshold: 3,
                  },
                },
              ],
              dnsPolicy: "Default",
              volumes: [
                {
                  name: "config-volume",
                  configMap: { name: "coredns", items: [{ key: "Corefile", path: "Corefile" }] },
                },
              ],
            },
          },
        },
      },
    },
    {
      plural: "services",
      obj: {
        metadata: {
          name: "kube-dns",
          namespace: ks,
          labels: {
            "k8s-app": "kube-dns",
            "kubernetes.io/cluster-service": "true",
            "kubernetes.io/name": "CoreDNS",
          },
          annotations: { "prometheus.io/port": "9153", "prometheus.io/scrape": "true" },
        },
        spec: {
          clusterIP: s.dnsIP,
          selector: { "k8s-app": "kube-dns" },
          ports: [
            { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
            { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
            { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
          ],
        },
      },
    },
    { plural: "serviceaccounts", obj: { metadata: { name: "kube-proxy", namespace: ks } } },
    {
      plural: "configmaps",
      obj: {
        metadata: { name: "kube-proxy", namespace: ks, labels: { app: "kube-proxy" } },
        data: {
          "config.conf": `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nbindAddress: 0.0.0.0\nclusterCIDR: ${s.podCIDR}\nkind: KubeProxyConfiguration\nmode: ""\n`,
          "kubeconfig.conf": `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt\n    server: https://${s.controlPlaneIP}:6443\n  name: default\n`,
        },
      },
    },
    {
      plural: "daemonsets",
      obj: {
        metadata: { name: "kube-proxy", namespace: ks, labels: { "k8s-app": "kube-proxy" } },
        spec: {
          selector: { matchLabels: { "k8s-app": "kube-proxy" } },
          template: {
            metadata: { labels: { "k8s-app": "kube-proxy" } },
            spec: {
              priorityClassName: "system-node-critical",
              hostNetwork: true,
              serviceAccountName: "kube-proxy",
              nodeSelector: { "kubernetes.io/os": "linux" },
              tolerations: [{ operator: "Exists" }],
              containers: [
                {
                  name: "kube-proxy",
                  image: PROXY_IMAGE(s.version),
                  imagePullPolicy: "IfNotPresent",
                  command: [
                    "/usr/local/bin/kube-proxy",
                    "--config=/var/lib/kube-proxy/config.conf",
                    "--hostname-override=$(NODE_NAME)",
                  ],
                  env: [
                    {
                      name: "NODE_NAME",
                      valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } },
                    },
                  ],
                  securityContext: { privileged: true },
                  volumeMounts: [
                    { mountPath: "/var/lib/kube-proxy", name: "kube-proxy" },
                    { mountPath: "/run/xtables.lock", name: "xtables-lock" },
                    { mountPath: "/lib/modules", name: "lib-modules", readOnly: true },
                  ],
                },
              ],
              volumes: [
                { name: "kube-proxy", configMap: { name: "kube-proxy", defaultMode: 420 } },
                { name: "xtables-lock", hostPath: { path: "/run/xtables.lock", type: "FileOrCreate" } },
                { name: "lib-modules", hostPath: { path: "/lib/modules", type: "" } },
              ],
            },
          },
        },
      },
    },
  ];
}

/** The `kubernetes` Service and the Endpoints/EndpointSlice the API server keeps for itself. */
export function apiserverService(s: KubeadmSettings): Array<{ plural: string; obj: KubeObject }> {
  const labels = { component: "apiserver", provider: "kubernetes" };
  return [
    {
      plural: "services",
      obj: {
        metadata: { name: "kubernetes", namespace: "default", labels },
        spec: {
          clusterIP: firstIP(s.serviceCIDR),
          ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
        },
      },
    },
    {
      plural: "endpoints",
      obj: {
        metadata: {
          name: "kubernetes",
          namespace: "default",
          labels: { "endpointslice.kubernetes.io/skip-mirror": "true" },
        },
        subsets: [
          { addresses: [{ ip: s.controlPlaneIP }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] },
        ],
      },
    },
    {
      plural: "endpointslices",
      obj: {
        metadata: {
          name: "kubernetes",
          namespace: "default",
          labels: { "kubernetes.io/service-name": "kubernetes" },
        },
        addressType: "IPv4",
        endpoints: [{ addresses: [s.controlPlaneIP], conditions: { ready: true } }],
        ports: [{ name: "https", port: 6443, protocol: "TCP" }],
      },
    },
  ];
}

function firstIP(cidr: string): string {
  const [ip] = cidr.split("/");
  const p = ip.split(".").map(Number);
  p[3] += 1;
  return p.join(".");
}
