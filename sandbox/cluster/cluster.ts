// A whole kubeadm-shaped cluster in one object: etcd, the API server, the controller manager and the
// scheduler on the control plane, and a machine with containerd and a kubelet per node.

import type { EndpointSlice, Node, Pod, Service } from "../api/types.ts";
import {
  storeBootstrapPolicy,
  storeKubeadmAddonRbac,
  storeKubeadmInitRbac,
} from "../apiserver/rbac/bootstrap/install.ts";
import { ApiServer } from "../apiserver/server.ts";
import { runStartHooks } from "../apiserver/start-hooks.ts";
import { LeaderLease } from "../client/leader-election.ts";
import { ControllerManager } from "../controllers/controller-manager.ts";
import { DiagramError, renderDiagram } from "../diagram/index.ts";
import { runEtcdctl } from "../etcd/etcdctl.ts";
import { Etcd } from "../etcd/store.ts";
import type { ImageContext } from "../images/types.ts";
import type { CommandResult, KubeletAccess } from "../kubectl/context.ts";
import { Kubelet } from "../kubelet/kubelet.ts";
import { MANIFEST_DIR, readManifestDir } from "../kubelet/static-pod-source.ts";
import { registerNetworkCommands } from "../network/commands.ts";
import { builtinManifest } from "../network/flannel-manifest.ts";
import { ClusterNetwork } from "../network/install.ts";
import { nodeCommandNames } from "../node/commands.ts";
import { Machine, NODE_OS } from "../node/machine.ts";
import { Scheduler } from "../scheduler/scheduler.ts";
import { Shell } from "../shell/shell.ts";
import type { ShellCluster } from "../shell/types.ts";
import { EventLoop } from "../util/event-loop.ts";
import { klog } from "../util/klog.ts";
import { Random } from "../util/random.ts";
import { apiserverService, type KubeadmSettings, kubeadmAddons } from "./addons.ts";
import { apiserverHttpsHook } from "./apiserver-https.ts";
import { installCni } from "./cni.ts";
import { CriAdapter } from "./cri-adapter.ts";
import { kubeletAccess } from "./kubelet-access.ts";
import { runOnMachine } from "./node-shell.ts";
import { nodeIP, podNetwork, resolvePreset, workerName } from "./presets.ts";

/** Options for a new cluster. */
export interface ClusterOptions {
  /** `default`, `no-cni`, `single-node` or `workers-N`. */
  preset?: string;
  /** Seed of every random choice (names, IPs, uids). */
  seed?: number;
  /** Virtual wall-clock time at which the machines boot (ms since epoch). */
  startTime?: number;
  /** How long after `kubeadm init` the cluster has been running when handed over (ms). */
  settleMs?: number;
}

/** One node: its machine, its runtime and its kubelet. */
export interface ClusterNode {
  name: string;
  ip: string;
  machine: Machine;
  runtime: CriAdapter;
  kubelet: Kubelet;
}

/** 2025-01-15T09:00:00Z: the day the default cluster was "installed". */
export const DEFAULT_START = Date.UTC(2025, 0, 15, 9, 0, 0);

/** The cluster a lesson, a terminal or a test runs against. */
export class Cluster implements ShellCluster {
  readonly loop: EventLoop;
  readonly random: Random;
  readonly etcd: Etcd;
  readonly api: ApiServer;
  readonly controllerManager: ControllerManager;
  readonly scheduler: Scheduler;
  private schedulerProcesses = 0;
  // The leader-election leases kube-scheduler and kube-controller-manager hold in kube-system, and the
  // stream their process identities are drawn from.
  private readonly leases: Map<string, LeaderLease>;
  private readonly leaseIds: Random;
  readonly nodes = new Map<string, ClusterNode>();
  readonly controlPlane = "controlplane";
  readonly settings: KubeadmSettings;
  readonly kubelets: KubeletAccess;
  readonly network: ClusterNetwork;

  constructor(opts: ClusterOptions = {}) {
    const shape = resolvePreset(opts.preset ?? "default");
    const seed = opts.seed ?? 1;
    if (!Number.isInteger(seed)) throw new Error(`cluster seed must be an integer, got ${seed}`);
    const start = opts.startTime ?? DEFAULT_START;
    this.random = new Random(seed);
    // The machines boot at `start`; kubeadm init runs once the kubelet unit is up, 62 s later.
    const init = start + 62_000;
    this.loop = new EventLoop({ startTime: init });
    this.etcd = new Etcd();
    this.settings = {
      version: NODE_OS.kubeletVersion,
      controlPlaneIP: nodeIP(0),
      serviceCIDR: "10.96.0.0/12",
      podCIDR: podNetwork(shape),
      dnsIP: "10.96.0.10",
    };
    this.api = new ApiServer({
      etcd: this.etcd,
      loop: this.loop,
      random: this.random.fork("apiserver"),
      serviceCIDR: this.settings.serviceCIDR,
      nodePortRange: "30000-32767",
    });
    this.controllerManager = new ControllerManager({ api: this.api, clusterCIDR: this.settings.podCIDR });
    this.scheduler = new Scheduler({
      api: this.api,
      random: this.random.fork("scheduler"),
      hostname: this.controlPlane,
    });
    this.leases = new Map(
      ["kube-scheduler", "kube-controller-manager"].map((c) => [c, new LeaderLease(this.api, c)]),
    );
    this.leaseIds = this.random.fork("leader-election");
    this.kubelets = kubeletAccess(this);
    registerNetworkCommands();
    this.network = new ClusterNetwork({
      api: this.api,
      clusterCIDR: this.settings.podCIDR,
      dnsIP: this.settings.dnsIP,
      random: this.random.fork("network"),
      now: () => this.loop.now(),
    });

    // The API server creates its own namespaces and the `kubernetes` Service when it first starts.
    for (const ns of ["default", "kube-node-lease", "kube-public", "kube-system"])
      this.api.create("namespaces", { metadata: { name: ns } });
    // Its rbac/bootstrap-roles hook writes the default roles; their uids come from a stream of their own.
    const rbacUids = this.random.fork("rbac");
    storeBootstrapPolicy(this.api, rbacUids, this.loop.now());
    for (const { plural, obj } of apiserverService(this.settings)) this.api.create(plural, obj);
    runStartHooks(this.api, {
      hostname: this.controlPlane,
      uuid: this.random.fork("apiserver-identity").uuid(),
    });
    this.controllerManager.start();
    this.scheduler.start();

    this.addNode(this.controlPlane, 0, start);
    this.loop.advance(20_000);
    storeKubeadmInitRbac(this.api, rbacUids, this.loop.now());
    for (const { plural, obj } of kubeadmAddons(this.settings)) this.api.create(plural, obj);
    storeKubeadmAddonRbac(this.api, rbacUids, this.loop.now());
    // Workers join a little later: a few one after another, as `kubeadm join` is run by hand on each;
    // many in waves of 50 a second, as automation joins a large cluster.
    for (let i = 1; i <= shape.workers; i++) {
      if (i === 1) this.loop.advance(40_000);
      else if (shape.workers <= 10) this.loop.advance(5_000);
      else if (i % 50 === 1) this.loop.advance(1_000);
      this.addNode(workerName(i), i, start);
    }
    if (shape.cni) {
      this.loop.advance(30_000);
      installCni(this, this.settings.podCIDR);
    }
    // Hand over once the last node has had time to report Ready, and no earlier than `settleMs` after init.
    const settled = opts.settleMs ?? 180_000;
    this.loop.advanceTo(Math.max(init + settled, this.loop.now() + 30_000));
  }

  // A control-plane process starts: it campaigns for its component's lease as `<host>_<uuid>` until it stops.
  private campaign(component: string, host: string, ctx: ImageContext, onLead?: () => void): () => void {
    const lease = this.leases.get(component)!;
    lease.start(
      `${host}_${this.leaseIds.uuid()}`,
      (where, message) => ctx.log(klog(this.loop.now(), 1, where, message), "stderr"),
      onLead,
    );
    return () => lease.stop();
  }

  private addNode(name: string, index: number, bootTime: number): void {
    const ip = nodeIP(index);
    const role = index === 0 ? "control-plane" : "worker";
    const rand = this.random.fork(`machine:${name}`);
    const machine = new Machine({
      hostname: name,
      ip,
      role,
      bootTime,
      schedule: (ms, fn) => this.loop.schedule(ms, fn),
      random: () => rand.next(),
      randomInt: (n) => rand.int(n),
      controlPlaneIp: nodeIP(0),
      clusterCidr: this.settings.podCIDR,
      hosts: [...this.nodes.values()].map((n) => [n.ip, n.name] as const).concat([[ip, name]]),
      startKubelet: false,
    });
    const net = this.network.attach(machine);
    // The API server runs on the control plane: componentstatuses probes from that host.
    if (index === 0) {
      const transport = this.network.probeTransport(net);
      this.api.componentStatuses.connect((ip, port, payload) => transport.tcp(ip, port, payload));
    }
    machine.containerd.setDaemonHook("kube-apiserver", apiserverHttpsHook(this.api, machine.sockets));
    // Scheduling goes on while some kube-scheduler container runs (the model's one scheduler stands for them).
    machine.containerd.setDaemonHook("kube-scheduler", (ctx) => {
      this.schedulerProcesses++;
      this.scheduler.setProcessRunning(true);
      const stopCampaign = this.campaign("kube-scheduler", name, ctx);
      return () => {
        stopCampaign();
        if (--this.schedulerProcesses === 0) this.scheduler.setProcessRunning(false);
      };
    });
    machine.containerd.setDaemonHook("kube-controller-manager", (ctx) =>
      this.campaign("kube-controller-manager", name, ctx, () => this.controllerManager.startLeading()),
    );
    const runtime = new CriAdapter(machine, this.loop);
    const kubelet = new Kubelet({
      api: this.api,
      runtime,
      random: rand.fork("kubelet"),
      probes: this.network.probeTransport(net),
      machine: {
        name,
        ip,
        controlPlane: role === "control-plane",
        cpu: String(NODE_OS.cpus),
        memoryKi: NODE_OS.memTotalKb,
        kernelVersion: NODE_OS.kernelRelease,
        osImage: NODE_OS.osImage,
        containerRuntimeVersion: NODE_OS.containerRuntime,
        kubeletVersion: NODE_OS.kubeletVersion,
      },
      staticManifests: () => readManifestDir(machine.fs),
      watchManifests: (onChange) => machine.fs.watch(MANIFEST_DIR, onChange),
      journal: (message, where, severity) => {
        const time = this.loop.now();
        const pid = machine.systemd.get("kubelet.service")?.mainPid ?? 0;
        machine.journal.append({
          time,
          ident: "kubelet",
          pid,
          message: klog(time, pid, where, message, severity),
        });
      },
    });
    machine.systemd.registerHooks("kubelet.service", {
      onStart: () => kubelet.start(),
      onStop: () => kubelet.stop(),
    });
    this.nodes.set(name, { name, ip, machine, runtime, kubelet });
    machine.systemd.start("kubelet.service", this.loop.now());
  }

  /** Names of the nodes, control plane first. */
  nodeNames(): string[] {
    return [...this.nodes.keys()];
  }

  /** Run a command on a node (ps, systemctl, crictl, etcdctl, cat ...). */
  runOnNode(
    node: string,
    argv: string[],
    stdin: string,
    write: (stream: "stdout" | "stderr", text: string) => void,
    env: Record<string, string> = {},
    cwd?: string,
  ): CommandResult {
    return runOnMachine(this, this.nodes.get(node)!, argv, stdin, write, env, cwd);
  }

  /** Run etcdctl against the cluster's etcd, as the control plane's etcdctl would. */
  etcdctl(args: string[], env: Record<string, string> = {}, stdin = ""): CommandResult {
    return runEtcdctl(
      this.etcd,
      args,
      {
        now: this.loop.now(),
        write: () => {},
        waitUntil: (done: () => boolean, limitMs: number) => this.loop.advanceUntil(done, limitMs),
        env,
        nodeIP: nodeIP(0),
        nodeName: this.controlPlane,
      },
      stdin,
    );
  }

  /** Draw the live cluster (`diagram nodes`, `diagram pod default/web`...). */
  diagram(args: string[]): CommandResult {
    const snapshot = {
      nodes: this.api.list<Node>("nodes").items,
      pods: this.api.list<Pod>("pods").items,
      services: this.api.list<Service>("services").items,
      endpointSlices: this.api.list<EndpointSlice>("endpointslices").items,
    };
    try {
      return { stdout: renderDiagram(args[0], snapshot, args[1]), stderr: "", exitCode: 0 };
    } catch (err) {
      if (err instanceof DiagramError)
        return { stdout: "", stderr: `diagram: ${err.message}\n`, exitCode: 1 };
      throw err;
    }
  }

  /** Use up a pid on a node for a short-lived command and return it. */
  takePid(node: string): number {
    const procs = this.nodes.get(node)?.machine.processes;
    if (!procs) return 1;
    const pid = Math.max(0, ...procs.list().map((p) => p.pid)) + 1;
    procs.reservePids(1);
    return pid;
  }

  /** Command names the node shell knows. */
  nodeCommands(): string[] {
    return [...nodeCommandNames(), "etcdctl"].sort();
  }

  /** Read a file on a node. */
  readFile(node: string, path: string): string | undefined {
    const builtin = builtinManifest(path);
    if (builtin !== undefined) return builtin;
    try {
      return this.nodes.get(node)?.machine.fs.readFile(path.startsWith("/") ? path : `/root/${path}`);
    } catch {
      return undefined;
    }
  }

  /** Say why a path on a node is not a directory one can enter (strerror text); undefined when it is one. */
  dirError(node: string, path: string): string | undefined {
    const fs = this.nodes.get(node)?.machine.fs;
    return fs ? fs.dirError(path) : "No such file or directory";
  }

  listDir(node: string, path: string): string[] | undefined {
    const fs = this.nodes.get(node)?.machine.fs;
    const dir = fs?.find(path);
    if (!fs || dir?.kind !== "dir") return undefined;
    return fs.list(path).map((name) => {
      const full = `${path.replace(/\/$/, "")}/${name}`;
      return fs.find(full)?.kind === "dir" ? `${name}/` : name;
    });
  }

  /** Write a file on a node; returns an error message or undefined. */
  writeFile(node: string, path: string, content: string, append: boolean): string | undefined {
    const fs = this.nodes.get(node)?.machine.fs;
    if (!fs) return `${path}: No such file or directory`;
    const full = path.startsWith("/") ? path : `/root/${path}`;
    try {
      const prev = append ? (this.readFile(node, full) ?? "") : "";
      fs.writeFile(full, prev + content, this.loop.now());
      return undefined;
    } catch (err) {
      return `${path}: ${err instanceof Error ? err.message.replace(/^.*: /, "") : "No such file or directory"}`;
    }
  }

  /** A new shell session on the control plane. */
  shell(): Shell {
    return new Shell(this);
  }

  /** Let `ms` of virtual time pass. */
  advance(ms: number): void {
    this.loop.advance(ms);
  }

  /** Virtual time now (ms since epoch). */
  now(): number {
    return this.loop.now();
  }
}

/** Boot a cluster (the cells' and the terminal's front door). */
export function createCluster(opts: ClusterOptions = {}): Cluster {
  return new Cluster(opts);
}
