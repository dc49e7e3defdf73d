// A node's network: the host namespace's links, routes and iptables, and a stack per pod namespace.

import { appendRule, createIptables, newChain, useTable } from "../node/iptables/model.ts";
import { sharedRule } from "../node/iptables/parse-rule.ts";
import type { Iptables } from "../node/iptables/types.ts";
import type { Machine } from "../node/machine.ts";
import { flatJoin } from "../util/flat-string.ts";
import { seedDigestHex } from "./seed-digest.ts";
import { LOOPBACK, NetStack } from "./stack.ts";

/** Derive a stable locally administered MAC address from a seed. */
export function macFrom(seed: string): string {
  const hex = seedDigestHex(seed, 12);
  const first = ((Number.parseInt(hex.slice(0, 2), 16) & 0xfe) | 0x02).toString(16).padStart(2, "0");
  return flatJoin(
    [first, hex.slice(2, 4), hex.slice(4, 6), hex.slice(6, 8), hex.slice(8, 10), hex.slice(10, 12)],
    ":",
  );
}

/** Eight stable hex characters from a seed (veth names, VTEP ids). */
export function hexFrom(seed: string, n = 8): string {
  return seedDigestHex(seed, n);
}

/** The network side of one node. */
export class NodeNetwork {
  readonly machine: Machine;
  readonly name: string;
  readonly ip: string;
  readonly host: NetStack;
  readonly iptables: Iptables = createIptables();
  private readonly pods = new Map<number, NetStack>();

  constructor(machine: Machine) {
    this.machine = machine;
    this.name = machine.hostname;
    this.ip = machine.ip;
    this.host = new NetStack(machine.namespaces.initial.net);
    const gw = machine.ip.replace(/\.\d+$/, ".1");
    const net = machine.ip.replace(/\.\d+$/, ".0/24");
    this.host.addLink(LOOPBACK);
    this.host.addLink({
      name: "eth0",
      kind: "ether",
      mtu: 1500,
      mac: macFrom(`eth0:${machine.hostname}`).replace(/^../, "52"),
      addrs: [{ ip: machine.ip, prefix: 24, brd: machine.ip.replace(/\.\d+$/, ".255"), scope: "global" }],
      altname: "enp1s0",
      qdisc: "fq_codel",
      qlen: 1000,
      state: "UP",
    });
    this.host.addRoute({ dst: "default", via: gw, dev: "eth0", proto: "dhcp", src: machine.ip, metric: 100 });
    this.host.addRoute({ dst: net, dev: "eth0", proto: "kernel", scope: "link", src: machine.ip });
  }

  /** The stack of a pod's net namespace, created on first use. */
  podStack(inode: number): NetStack {
    let s = this.pods.get(inode);
    if (!s) {
      s = new NetStack(inode);
      this.pods.set(inode, s);
    }
    return s;
  }

  /** Forget a pod namespace (its sandbox was torn down). */
  dropPodStack(inode: number): void {
    this.pods.delete(inode);
  }

  /** The stack of a net namespace inode: the host's, a pod's, or undefined. */
  stackOf(inode: number): NetStack | undefined {
    return inode === this.host.inode ? this.host : this.pods.get(inode);
  }

  /** Every pod stack on this node. */
  podStacks(): NetStack[] {
    return [...this.pods.values()];
  }

  /** Create the chains kubelet sets up at start: its canaries and KUBE-FIREWALL's jumps. */
  seedKubeletRules(): void {
    for (const t of ["mangle", "nat", "filter"] as const) {
      const table = useTable(this.iptables, t);
      if (!table.chains.has("KUBE-KUBELET-CANARY")) newChain(table, "KUBE-KUBELET-CANARY");
    }
    const filter = useTable(this.iptables, "filter");
    if (filter.chains.has("KUBE-FIREWALL")) return;
    newChain(filter, "KUBE-FIREWALL");
    appendRule(filter, "INPUT", sharedRule(["-j", "KUBE-FIREWALL"]));
    appendRule(filter, "OUTPUT", sharedRule(["-j", "KUBE-FIREWALL"]));
    appendRule(
      filter,
      "KUBE-FIREWALL",
      sharedRule([
        "!",
        "-s",
        "127.0.0.0/8",
        "-d",
        "127.0.0.0/8",
        "-m",
        "comment",
        "--comment",
        "block incoming localnet connections",
        "-m",
        "conntrack",
        "!",
        "--ctstate",
        "RELATED,ESTABLISHED,DNAT",
        "-j",
        "DROP",
      ]),
    );
  }
}
