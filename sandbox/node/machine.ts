// One node host: processes, namespaces, files, systemd, journal, containerd and sockets, booted like a kubeadm node.
import { ImageCatalog } from "../images/catalog.ts";
import { BOOT_SERVICES, KDEVTMPFS_MNT_NS, KERNEL_THREADS, kubeletUnit } from "./boot-plan.ts";
import { createDefaultNetworkHook } from "./cni-hook.ts";
import { Containerd } from "./containerd.ts";
import { FileTree } from "./filesystem.ts";
import { writeHostFiles } from "./host-files.ts";
import { bindUnitSockets, type HostListenerDeps } from "./host-listeners.ts";
import { Journal } from "./journal.ts";
import { kubeletArgv, writeKubeadmFiles } from "./kubeadm-files.ts";
import { DEFAULT_CONTROL_PLANE } from "./kubeadm-manifests.ts";
import { NamespaceRegistry } from "./namespaces.ts";
import { NetnsNames } from "./netns.ts";
import { ProcessTable } from "./processes.ts";
import { SocketTable } from "./sockets.ts";
import { Systemd } from "./systemd.ts";

/** Facts about the node's OS that `uname`, `kubectl get nodes -o wide` and os-release agree on. */
export const NODE_OS = {
  osImage: "Ubuntu 22.04.5 LTS",
  kernelRelease: "5.15.0-131-generic",
  // The build string of the Ubuntu kernel package; the model's value, not captured from a real host.
  kernelVersion: "#141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025",
  containerRuntime: "containerd://1.7.24",
  kubeletVersion: "v1.32.4",
  memTotalKb: 4_005_708,
  cpus: 2,
} as const;

/**
 * The node's disks and fixed file systems in 1K blocks, as df and the kubelet's ephemeral-storage capacity
 * read them; the model's values, sized like a small cloud VM (a 20 GB root disk and an EFI partition).
 */
export const NODE_DISK = {
  rootDevice: "/dev/vda1",
  rootKb: 20_134_592,
  /** What the OS image, kubeadm's packages and logs take on / before any image is pulled. */
  rootBaseUsedKb: 4_326_712,
  rootInodes: 2_580_480,
  rootBaseInodesUsed: 121_866,
  efiDevice: "/dev/vda15",
  efiKb: 106_858,
  efiUsedKb: 6_186,
} as const;

/** The default cluster's nodes as [ip, hostname]. */
export const DEFAULT_HOSTS: ReadonlyArray<readonly [string, string]> = [
  ["172.30.1.2", "controlplane"],
  ["172.30.2.2", "node01"],
  ["172.30.3.2", "node02"],
];

/** Images `kubeadm config images pull` leaves on a control-plane node. */
export const KUBEADM_IMAGES = [
  "registry.k8s.io/kube-apiserver:v1.32.4",
  "registry.k8s.io/kube-controller-manager:v1.32.4",
  "registry.k8s.io/kube-scheduler:v1.32.4",
  "registry.k8s.io/kube-proxy:v1.32.4",
  "registry.k8s.io/coredns/coredns:v1.11.3",
  "registry.k8s.io/pause:3.10",
  "registry.k8s.io/etcd:3.5.16-0",
];

/** Config for {@link Machine}. */
export interface MachineConfig {
  hostname: string;
  ip: string;
  role: "control-plane" | "worker";
  /** When the machine booted (ms since epoch). */
  bootTime: number;
  schedule: (delayMs: number, fn: () => void) => () => void;
  /** Uniform random numbers in [0, 1), seeded by the caller. */
  random: () => number;
  /** An integer in [0, n) from the same stream (Math.floor(random() * n)): draws no float to box. */
  randomInt?: (n: number) => number;
  controlPlaneIp?: string;
  hosts?: ReadonlyArray<readonly [string, string]>;
  /** The cluster's pod network (`kubeadm init --pod-network-cidr`); default 10.244.0.0/16. */
  clusterCidr?: string;
  /** A pod CIDR for the default network hook; without it the hook reads flannel's subnet.env. */
  podCidr?: string;
  /** Images present at boot; defaults to the kubeadm images on a control plane, none on a worker. */
  preloadImages?: readonly string[];
  /** Start the kubelet unit at boot (default true). */
  startKubelet?: boolean;
}

/** A modelled Linux host running containerd and the kubelet service. */
export class Machine {
  readonly hostname: string;
  readonly ip: string;
  readonly role: "control-plane" | "worker";
  readonly bootTime: number;
  readonly namespaces = new NamespaceRegistry();
  readonly processes: ProcessTable;
  readonly fs: FileTree;
  readonly journal: Journal;
  readonly systemd: Systemd;
  readonly sockets = new SocketTable();
  readonly netns = new NetnsNames();
  readonly containerd: Containerd;
  readonly schedule: MachineConfig["schedule"];
  readonly memTotalKb = NODE_OS.memTotalKb;

  constructor(config: MachineConfig) {
    if (!config?.hostname || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(config.hostname)) {
      throw new Error(`Machine: hostname must be a DNS label, got ${JSON.stringify(config?.hostname)}`);
    }
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(config.ip ?? ""))
      throw new Error(`Machine: ip must be IPv4, got ${JSON.stringify(config.ip)}`);
    if (config.role !== "control-plane" && config.role !== "worker")
      throw new Error(`Machine: role must be control-plane or worker`);
    if (!Number.isFinite(config.bootTime)) throw new Error("Machine: bootTime must be ms since epoch");
    if (typeof config.schedule !== "function" || typeof config.random !== "function") {
      throw new Error("Machine: schedule and random must be functions");
    }
    this.hostname = config.hostname;
    this.ip = config.ip;
    this.role = config.role;
    this.bootTime = config.bootTime;
    this.schedule = config.schedule;
    const t0 = config.bootTime;
    this.processes = new ProcessTable({ namespaces: this.namespaces });
    this.processes.onExit((info) => this.sockets.closeAll(info.pid));
    this.fs = new FileTree(t0);
    this.journal = new Journal(this.hostname);
    this.systemd = new Systemd({
      processes: this.processes,
      journal: this.journal,
      schedule: config.schedule,
    });
    const cpIp =
      config.controlPlaneIp ??
      (config.role === "control-plane" ? config.ip : DEFAULT_CONTROL_PLANE.advertiseAddress);
    writeHostFiles(
      this.fs,
      { hostname: this.hostname, hosts: config.hosts ?? DEFAULT_HOSTS, upstreamDns: "8.8.8.8" },
      t0,
    );
    const pauseImage = "registry.k8s.io/pause:3.10";
    const cp = {
      ...DEFAULT_CONTROL_PLANE,
      podCidr: config.clusterCidr ?? DEFAULT_CONTROL_PLANE.podCidr,
      advertiseAddress: cpIp,
      nodeName: config.role === "control-plane" ? this.hostname : DEFAULT_CONTROL_PLANE.nodeName,
    };
    writeKubeadmFiles(
      this.fs,
      { role: config.role, nodeName: this.hostname, controlPlane: cp, pauseImage },
      t0 + 60_000,
    );
    this.boot(t0);
    this.containerd = new Containerd({
      processes: this.processes,
      namespaces: this.namespaces,
      netns: this.netns,
      sockets: this.sockets,
      catalog: new ImageCatalog(),
      schedule: config.schedule,
      random: config.random,
      randomInt: config.randomInt,
      hostname: this.hostname,
      hostIp: this.ip,
      pauseImage,
      fs: this.fs,
      network: createDefaultNetworkHook({
        fs: this.fs,
        netns: this.netns,
        podCidr: config.podCidr,
        now: () => t0,
      }),
    });
    const preload = config.preloadImages ?? (config.role === "control-plane" ? KUBEADM_IMAGES : []);
    for (const ref of preload) this.containerd.images.preload(ref);
    // kubeadm init/join and apt ran many short-lived processes before the kubelet came up.
    this.processes.reservePids(340);
    this.systemd.define(kubeletUnit(kubeletArgv(pauseImage)));
    bindUnitSockets(this.listenerDeps(), "kubelet.service");
    if (config.startKubelet !== false) this.systemd.start("kubelet.service", t0 + 62_000);
  }

  private listenerDeps(): HostListenerDeps {
    const { systemd, sockets, fs, hostname } = this;
    return { systemd, sockets, fs, hostname, net: this.namespaces.initial.net };
  }

  private boot(t0: number): void {
    const ns = this.namespaces;
    this.processes.spawn({
      argv: ["/sbin/init"],
      comm: "systemd",
      ppid: 0,
      pid: 1,
      now: t0,
      stat: "Ss",
      cpuRate: 0.002,
      rssKb: 11800,
      vszKb: 166_700,
      cgroup: "/init.scope",
    });
    const kdevMnt = ns.adopt("mnt", KDEVTMPFS_MNT_NS);
    for (const [pid, comm, stat] of KERNEL_THREADS) {
      this.processes.spawn({
        argv: [comm],
        comm,
        pid,
        ppid: pid === 2 ? 0 : 2,
        now: t0,
        stat,
        kernel: true,
        ns: comm === "kdevtmpfs" ? ns.initial.with("mnt", kdevMnt) : ns.initial,
      });
    }
    for (const svc of BOOT_SERVICES) {
      this.systemd.define(svc.unit);
      bindUnitSockets(this.listenerDeps(), svc.unit.name);
      this.systemd.start(svc.unit.name, t0 + svc.offsetMs, svc.pid);
      const p = this.processes.get(svc.pid)!;
      if (svc.privateNs) p.ns = ns.derive(p.ns, svc.privateNs);
    }
  }
}
