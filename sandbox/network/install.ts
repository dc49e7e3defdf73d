// Wire the network model into a cluster: a NodeNetwork per machine, the flannel CNI hook in containerd,
// and the node-side behaviour of kube-proxy, flanneld, CoreDNS and flannel's install-cni containers.
import type { ApiServer } from "../apiserver/server.ts";
import type { ProbeTransport } from "../kubelet/probe-transport.ts";
import type { Machine } from "../node/machine.ts";
import { startKubeProxy } from "../proxy/kube-proxy.ts";
import { PortMemo } from "../proxy/port-memo.ts";
import type { Random } from "../util/random.ts";
import { corednsHook } from "./dns.ts";
import { execExtras } from "./exec.ts";
import { Fabric } from "./fabric.ts";
import { flannelCni } from "./flannel-cni.ts";
import { FLANNEL_LOCAL_PATH, KUBE_FLANNEL_YML } from "./flannel-manifest.ts";
import { cpHook, flanneldHook } from "./flanneld.ts";
import { NodeNetwork } from "./node-network.ts";
import { nodeProbeTransport } from "./probe-transport.ts";
import { SubnetLeases } from "./subnet-leases.ts";

const byMachine = new WeakMap<Machine, { cluster: ClusterNetwork; node: NodeNetwork }>();

/** The network model of a machine, when it belongs to a cluster. */
export function networkOf(machine: Machine): { cluster: ClusterNetwork; node: NodeNetwork } | undefined {
  return byMachine.get(machine);
}

/** Config for {@link ClusterNetwork}. */
export interface ClusterNetworkConfig {
  api: ApiServer;
  clusterCIDR: string;
  dnsIP: string;
  random: Random;
  now: () => number;
}

/** The whole cluster's network: the fabric, each node's stack and the API the daemons watch. */
export class ClusterNetwork {
  readonly fabric: Fabric;
  readonly api: ApiServer;
  readonly dnsIP: string;
  readonly now: () => number;
  private readonly rand: Random;
  private readonly leases: SubnetLeases;
  private readonly portMemo = new PortMemo();

  constructor(cfg: ClusterNetworkConfig) {
    this.api = cfg.api;
    this.fabric = new Fabric(cfg.clusterCIDR);
    this.dnsIP = cfg.dnsIP;
    this.now = cfg.now;
    this.rand = cfg.random;
    this.leases = new SubnetLeases(cfg.api);
  }

  /** A uniform random number for statistic matches (seeded, so runs repeat). */
  random = (): number => this.rand.next();

  /** Give a machine its network and plug the CNI and daemon hooks into its containerd. */
  attach(machine: Machine): NodeNetwork {
    const node = new NodeNetwork(machine);
    this.fabric.add(node);
    byMachine.set(machine, { cluster: this, node });
    // kubelet creates its canary and KUBE-FIREWALL chains as it starts; the model does so at boot.
    node.seedKubeletRules();
    const cd = machine.containerd;
    cd.setNetworkHook(flannelCni(node, this.now));
    cd.setDaemonHook("kube-proxy", (ctx) =>
      startKubeProxy(this.api, ctx, {
        nodeName: node.name,
        nodeIP: node.ip,
        clusterCIDR: this.fabric.clusterCIDR,
        iptables: node.iptables,
        portMemo: this.portMemo,
      }),
    );
    cd.setDaemonHook("flanneld", flanneldHook(this.api, this.fabric, this.leases, node));
    cd.setDaemonHook("cp", cpHook(this.api, node));
    cd.setDaemonHook("coredns", corednsHook(this.api, machine.sockets));
    cd.setExecHook((t, now) => execExtras(this, node, t, now));
    machine.fs.writeFile(FLANNEL_LOCAL_PATH, KUBE_FLANNEL_YML, this.now());
    return node;
  }

  /** How a node's kubelet dials pods and runs exec probes. */
  probeTransport(node: NodeNetwork): ProbeTransport {
    return nodeProbeTransport(this, node);
  }

  /** Find a node's network by name. */
  node(name: string): NodeNetwork | undefined {
    return this.fabric.node(name);
  }
}
