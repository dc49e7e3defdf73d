// The sockets the host's own daemons open when their systemd units start: sshd, containerd's CRI
// streaming server and the kubelet's API and health ports.
import { healthEndpoints } from "../images/health.ts";
import { httpDate, httpResponse } from "../util/http.ts";
import type { FileTree } from "./filesystem.ts";
import { goBindAddress, type Listener, type SocketHandler, type SocketTable } from "./sockets.ts";
import type { Systemd } from "./systemd.ts";

/** What binding the host daemons needs from the machine. */
export interface HostListenerDeps {
  systemd: Systemd;
  sockets: SocketTable;
  fs: FileTree;
  /** The host network namespace. */
  net: number;
  hostname: string;
}

type Bind = Omit<Listener, "netns" | "pid">;

const refuse: SocketHandler = () => "";

// kubeadm turns anonymous auth off, so a request without a client certificate gets a bare 401.
const kubeletApi: SocketHandler = (_raw, info) =>
  httpResponse(
    401,
    [
      ["Content-Type", "text/plain; charset=utf-8"],
      ["Date", httpDate(info.now)],
      ["Content-Length", "12"],
    ],
    "Unauthorized",
  );

// A top-level `key: value` of a flat YAML file such as the kubelet's config.yaml.
function yamlValue(text: string, key: string): string | undefined {
  let re = keyPatterns.get(key);
  if (!re) {
    re = new RegExp(`^${key}:\\s*(.*?)\\s*$`, "m");
    keyPatterns.set(key, re);
  }
  const m = re.exec(text);
  return m ? m[1].replace(/^["']|["']$/g, "") : undefined;
}

// One pattern per key the kubelet's binds read (a fixed handful), built once.
const keyPatterns = new Map<string, RegExp>();

function kubeletBinds(fs: FileTree): Bind[] {
  // No config yet (before kubeadm join): the kubelet's defaults.
  const file = fs.find("/var/lib/kubelet/config.yaml");
  const conf = file?.kind === "file" ? file.content : "";
  return [
    {
      proto: "tcp",
      addr: goBindAddress(yamlValue(conf, "address") ?? "0.0.0.0"),
      port: Number(yamlValue(conf, "port") ?? 10250),
      handler: kubeletApi,
    },
    {
      proto: "tcp",
      addr: goBindAddress(yamlValue(conf, "healthzBindAddress") ?? "127.0.0.1"),
      port: Number(yamlValue(conf, "healthzPort") ?? 10248),
      handler: healthEndpoints({ "/healthz": "ok" }),
    },
  ];
}

// containerd's CRI plugin serves exec/attach/port-forward streams on 127.0.0.1 and port 0, so the kernel
// picks a free ephemeral port; the model derives it from the host and start time, not the seeded random.
function streamPort(hostname: string, now: number): number {
  let h = 2166136261;
  for (const c of `${hostname}/${now}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return 32768 + (h % (60999 - 32768 + 1));
}

const UNITS: Record<string, (d: HostListenerDeps, now: number) => Bind[]> = {
  // Ubuntu's sshd listens on both families, each socket with ListenAddress's backlog of 128.
  "ssh.service": () =>
    ["0.0.0.0", "[::]"].map((addr) => ({
      proto: "tcp",
      addr,
      port: 22,
      backlog: 128,
      handler: () => "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10\r\n",
    })),
  "containerd.service": (d, now) => [
    { proto: "tcp", addr: "127.0.0.1", port: streamPort(d.hostname, now), handler: refuse },
  ],
  "kubelet.service": (d) => kubeletBinds(d.fs),
};
// systemd-resolved's stub (127.0.0.53%lo:53) is left out: the model's node resolver has no stub to answer.

/** Open a unit's sockets each time it starts (they close with its main process). */
export function bindUnitSockets(d: HostListenerDeps, unit: string): void {
  const binds = UNITS[unit];
  if (!binds) return;
  d.systemd.registerHooks(unit, {
    onStart: (now, pid) => {
      for (const b of binds(d, now)) d.sockets.listen({ ...b, netns: d.net, pid });
    },
  });
}
