// The kubeadm control-plane images as programs: right process names, ports and a first log line.
// The components' behaviour lives in their own models; these only give them a process and sockets.
// Start-up log lines are representative, not captured from the v1.32.4 binaries.

import { versionBody } from "../api/version.ts";
import { apiResponse } from "../apiserver/https.ts";
import { apiRequestInfo, forbiddenRequest } from "../apiserver/request-info.ts";
import { goBindAddress, type RequestInfo, type SocketHandler } from "../node/sockets.ts";
import { parseHttpRequest } from "../util/http.ts";
import { klog } from "../util/klog.ts";
import { type DaemonPort, daemonImage, flagValue } from "./daemon.ts";
import { healthEndpoints, K8S_HEALTH } from "./health.ts";
import type { ImageContext } from "./types.ts";

const V = "v1.32.4";

// An anonymous request (curl -k) is authenticated as system:anonymous. kubeadm's system:public-info-viewer
// role lets everyone read /version (and the health paths, answered before this); anything else is Forbidden.
// In a cluster, requests with a token or for a resource reach the API server first (cluster/apiserver-https.ts).
function anonymousRequest(raw: string, info: RequestInfo): string {
  const req = parseHttpRequest(raw);
  if (!req) return "";
  const request = apiRequestInfo(req.method, req.path, req.query);
  const open =
    !request.isResource && request.verb === "get" && (req.path === "/version" || req.path === "/version/");
  // curl gets indented JSON (the server pretty-prints for curl's User-Agent), with no final newline.
  const body = open
    ? versionBody()
    : JSON.stringify(forbiddenRequest("system:anonymous", request).status, null, 2);
  return apiResponse(open ? 200 : 403, body, info.now);
}

// Each URL of an etcd --listen-*-urls flag is a socket of its own.
function urlPorts(urls: string, handler?: SocketHandler): DaemonPort[] {
  return urls.split(",").flatMap((u) => {
    const m = /^[a-z]+:\/\/(\[[^\]]*\]|[^:/]*)(?::(\d+))?/.exec(u.trim());
    if (!m) return [];
    const port = Number(m[2] ?? (u.startsWith("https") ? 443 : 80));
    return [{ port, proto: "tcp" as const, addr: goBindAddress(m[1]), handler }];
  });
}

// A component serving HTTPS on --bind-address:--secure-port.
const securePort =
  (port: number, handler: SocketHandler) =>
  (ctx: ImageContext): DaemonPort[] => [
    {
      port: Number(flagValue(ctx.argv, "secure-port") ?? port),
      proto: "tcp",
      addr: goBindAddress(flagValue(ctx.argv, "bind-address") ?? "0.0.0.0"),
      handler,
    },
  ];

// kube-proxy reads its addresses from the KubeProxyConfiguration (a ConfigMap mounted at --config).
function kubeProxyPorts(ctx: ImageContext): DaemonPort[] {
  let conf = "";
  try {
    const path = flagValue(ctx.argv, "config");
    if (path && ctx.rootfs) conf = ctx.rootfs.readFile(path);
  } catch {
    // No file: the defaults below.
  }
  const bind = (re: RegExp, fallback: string): DaemonPort => {
    const v = re.exec(conf)?.[1] || fallback;
    const i = v.lastIndexOf(":");
    return { port: Number(v.slice(i + 1)), proto: "tcp", addr: goBindAddress(v.slice(0, i)) };
  };
  return [bind(METRICS_BIND, "127.0.0.1:10249"), bind(HEALTHZ_BIND, "0.0.0.0:10256")];
}

// The two KubeProxyConfiguration keys kubeProxyPorts reads (no g flag: exec keeps no state between calls).
const METRICS_BIND = /^metricsBindAddress:\s*"?([^"\s]*)"?/m;
const HEALTHZ_BIND = /^healthzBindAddress:\s*"?([^"\s]*)"?/m;

const line = (where: string, msg: string) => (ctx: ImageContext) => [klog(ctx.now(), 1, where, msg)];

/** registry.k8s.io/etcd:3.5.16-0: client, peer and metrics sockets where its --listen-*-urls say. */
export const etcd = daemonImage({
  ref: "registry.k8s.io/etcd:3.5.16-0",
  exitsOnTerm: true,
  sizeBytes: 57_680_541,
  entrypoint: [],
  cmd: ["/usr/local/bin/etcd"],
  daemons: ["etcd"],
  cpuRate: 0.02,
  threads: 10,
  rssKb: 52000,
  vszKb: 11_214_000,
  ports: (ctx) => [
    ...urlPorts(flagValue(ctx.argv, "listen-client-urls") ?? "http://localhost:2379"),
    ...urlPorts(flagValue(ctx.argv, "listen-peer-urls") ?? "http://localhost:2380"),
    ...urlPorts(
      flagValue(ctx.argv, "listen-metrics-urls") ?? "",
      healthEndpoints({ ...K8S_HEALTH, "/health": '{"health":"true","reason":""}' }),
    ),
  ],
  startLogs: (ctx) => [
    `{"level":"info","ts":"${new Date(ctx.now()).toISOString()}","caller":"etcdmain/etcd.go:73","msg":"Running: ","args":${JSON.stringify(ctx.argv)}}`,
  ],
});

/** registry.k8s.io/kube-apiserver: secure port 6443 on every address (kubeadm sets no --bind-address). */
export const kubeApiserver = daemonImage({
  ref: `registry.k8s.io/kube-apiserver:${V}`,
  exitsOnTerm: true,
  sizeBytes: 28_680_812,
  entrypoint: [],
  cmd: ["kube-apiserver"],
  daemons: ["kube-apiserver"],
  cpuRate: 0.04,
  threads: 11,
  rssKb: 262000,
  vszKb: 1_538_000,
  ports: securePort(6443, healthEndpoints(K8S_HEALTH, anonymousRequest)),
  startLogs: (ctx) => [
    klog(ctx.now(), 1, "options.go:238", `external host was not specified, using ${ctx.podIp}`),
  ],
});

/** registry.k8s.io/kube-controller-manager: secure port 10257 on 127.0.0.1. */
export const kubeControllerManager = daemonImage({
  ref: `registry.k8s.io/kube-controller-manager:${V}`,
  exitsOnTerm: true,
  sizeBytes: 26_259_392,
  entrypoint: [],
  cmd: ["kube-controller-manager"],
  daemons: ["kube-controller-manager"],
  cpuRate: 0.012,
  threads: 8,
  rssKb: 98000,
  vszKb: 1_318_000,
  ports: securePort(10257, healthEndpoints(K8S_HEALTH)),
  startLogs: line("serving.go:386", "Generated self-signed cert in-memory"),
});

/** registry.k8s.io/kube-scheduler: secure port 10259 on 127.0.0.1. */
export const kubeScheduler = daemonImage({
  ref: `registry.k8s.io/kube-scheduler:${V}`,
  exitsOnTerm: true,
  sizeBytes: 20_657_536,
  entrypoint: [],
  cmd: ["kube-scheduler"],
  daemons: ["kube-scheduler"],
  cpuRate: 0.004,
  threads: 8,
  rssKb: 52000,
  vszKb: 1_290_000,
  ports: securePort(10259, healthEndpoints(K8S_HEALTH)),
  startLogs: line("serving.go:386", "Generated self-signed cert in-memory"),
});

/** registry.k8s.io/kube-proxy: metrics 127.0.0.1:10249, healthz *:10256 unless its config says otherwise. */
export const kubeProxy = daemonImage({
  ref: `registry.k8s.io/kube-proxy:${V}`,
  sizeBytes: 30_909_196,
  entrypoint: [],
  cmd: ["/usr/local/bin/kube-proxy"],
  daemons: ["kube-proxy"],
  hasShell: false,
  cpuRate: 0.001,
  threads: 7,
  rssKb: 38000,
  vszKb: 1_290_000,
  ports: kubeProxyPorts,
  startLogs: line("server_linux.go:66", '"Using iptables proxy"'),
});

/** registry.k8s.io/coredns/coredns:v1.11.3: DNS 53, health 8080, ready 8181, metrics 9153. */
export const coredns = daemonImage({
  ref: "registry.k8s.io/coredns/coredns:v1.11.3",
  sizeBytes: 18_562_039,
  entrypoint: ["/coredns"],
  cmd: [],
  daemons: ["coredns"],
  cpuRate: 0.002,
  threads: 8,
  rssKb: 24000,
  vszKb: 1_281_000,
  user: { uid: 65532, name: null },
  ports: [
    { port: 53, proto: "udp" },
    { port: 53, proto: "tcp" },
    { port: 8080, proto: "tcp", handler: healthEndpoints({ "/health": "OK" }) },
    { port: 8181, proto: "tcp", handler: healthEndpoints({ "/ready": "OK" }) },
    { port: 9153, proto: "tcp" },
  ],
  startLogs: () => [".:53", "CoreDNS-1.11.3", "linux/amd64, go1.21.11, a6338e9"],
});

/** ghcr.io/flannel-io/flannel:v0.26.4: flanneld with the kube subnet manager, and `cp` for install-cni. */
export const flannel = daemonImage({
  ref: "ghcr.io/flannel-io/flannel:v0.26.4",
  aliases: ["docker.io/flannel/flannel:v0.26.4"],
  sizeBytes: 32_453_120,
  entrypoint: [],
  cmd: ["/opt/bin/flanneld"],
  daemons: ["flanneld", "cp"],
  hasShell: true,
  cpuRate: 0.002,
  threads: 9,
  rssKb: 30000,
  vszKb: 1_300_000,
  startLogs: (ctx) =>
    ctx.argv[0]?.endsWith("flanneld")
      ? line(
          "main.go:211",
          "CLI flags config: {etcdEndpoints:http://127.0.0.1:4001,http://127.0.0.1:2379 kubeSubnetMgr:true ipMasq:true}",
        )(ctx)
      : [],
});

/** The flannel CNI plugin image: its init container copies the flannel CNI binary and exits. */
export const flannelCniPlugin = daemonImage({
  ref: "ghcr.io/flannel-io/flannel-cni-plugin:v1.6.2-flannel1",
  aliases: ["docker.io/flannel/flannel-cni-plugin:v1.6.2-flannel1"],
  sizeBytes: 4_856_838,
  entrypoint: [],
  cmd: ["cp"],
  daemons: ["cp"],
  hasShell: true,
});
