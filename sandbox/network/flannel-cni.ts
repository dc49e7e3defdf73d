// The CNI chain flannel installs: the `flannel` plugin reads /run/flannel/subnet.env and delegates to
// `bridge` (cni0, one veth pair per pod, hairpin, default gateway) with `host-local` IPAM.
// Model choice: flannel's VXLAN backend (flannel.1), its default; host-gw is not modelled.
import type { NetworkHook, NetworkRequest } from "../node/cri-types.ts";
import type { FileTree, FsNode } from "../node/filesystem.ts";
import { formatIPv4, parseCidr, parseIPv4 } from "../node/iptables/addr.ts";
import { hexFrom, macFrom, type NodeNetwork } from "./node-network.ts";
import { LOOPBACK, type Route } from "./stack.ts";

const IPAM_DIR = "/var/lib/cni/networks/cbr0";

type FlannelConfig = { subnet: string; network: string; mtu: number; pool?: Pool };

// What a pod's setup reads from the subnet: its first address and size (as host-local reads the range), the
// first three octets and the gateway.
type Pool = { base: number; size: number; range: string; gateway: string };

const CONF_NAME = /\.(conf|conflist|json)$/;
const SUBNET_KEY = /^FLANNEL_SUBNET=(\S+)$/m;
const NETWORK_KEY = /^FLANNEL_NETWORK=(\S+)$/m;
const MTU_KEY = /^FLANNEL_MTU=(\S+)$/m;

// The config read from one subnet.env text; `last` remembers the latest text and what it gave.
function parseEnv(env: string, last: { env?: string; cfg?: FlannelConfig }): FlannelConfig {
  if (last.env === env && last.cfg) return last.cfg;
  const cfg = {
    subnet: SUBNET_KEY.exec(env)?.[1] ?? "",
    network: NETWORK_KEY.exec(env)?.[1] ?? "",
    mtu: Number(MTU_KEY.exec(env)?.[1] ?? "") || 1450,
  };
  last.env = env;
  last.cfg = cfg;
  return cfg;
}

function hasConf(dir: FsNode | undefined): boolean {
  if (dir?.kind !== "dir") return false;
  for (const name of dir.children.keys()) if (CONF_NAME.test(name)) return true;
  return false;
}

function readConfig(
  node: NodeNetwork,
  last: { env?: string; cfg?: FlannelConfig },
): { error: string } | FlannelConfig {
  const fs = node.machine.fs;
  if (!hasConf(fs.find("/etc/cni/net.d"))) return { error: "cni plugin not initialized" };
  if (fs.find("/opt/cni/bin/flannel")?.kind !== "file")
    return { error: 'failed to find plugin "flannel" in path [/opt/cni/bin]' };
  const env = fs.find("/run/flannel/subnet.env");
  if (env?.kind !== "file")
    return {
      error:
        'plugin type="flannel" failed (add): loadFlannelSubnetEnv failed: open /run/flannel/subnet.env: no such file or directory',
    };
  return parseEnv(env.content, last);
}

// host-local: continue after the last reserved address, wrapping, so a new pod gets a fresh IP.
function allocate(node: NodeNetwork, pool: Pool, sandboxId: string, now: number): string | null {
  const fs = node.machine.fs;
  const { base, size } = pool;
  // One walk to the directory; its entries are then read from the node it gave.
  const dir = fs.mkdirp(IPAM_DIR, now);
  const lastFile = entry(fs, dir, "last_reserved_ip.0");
  const last = lastFile?.kind === "file" ? (parseIPv4(lastFile.content.trim()) ?? base + 1) - base : 1;
  for (let i = 1; i < size - 2; i++) {
    const host = ((last - 2 + i) % (size - 3)) + 2;
    const ip = formatIPv4(base + host);
    if (entry(fs, dir, ip) !== undefined) continue;
    fs.writeFile(`${IPAM_DIR}/${ip}`, `${sandboxId}\r\neth0`, now);
    fs.writeFile(`${IPAM_DIR}/last_reserved_ip.0`, ip, now);
    return ip;
  }
  return null;
}

function poolOf(subnet: string): Pool {
  const cidr = parseCidr(subnet)!;
  return {
    base: cidr.addr & cidr.mask,
    size: 2 ** (32 - Number(subnet.split("/")[1])),
    range: subnet.replace(/\.\d+\/24$/, ""),
    gateway: subnet.split("/")[0],
  };
}

// An entry of the IPAM directory as a walk from / finds it (a symlink, or a directory that is none, walks).
function entry(fs: FileTree, dir: FsNode, name: string): FsNode | undefined {
  const found = dir.kind === "dir" ? dir.children.get(name) : undefined;
  return found?.kind === "symlink" || dir.kind !== "dir" ? fs.find(`${IPAM_DIR}/${name}`) : found;
}

function ensureBridge(node: NodeNetwork, gateway: string, mtu: number): void {
  if (node.host.link("cni0")) return;
  const net = gateway.replace(/\.\d+$/, ".0/24");
  node.host.addLink({
    name: "cni0",
    kind: "bridge",
    mtu,
    mac: macFrom(`cni0:${node.name}`),
    addrs: [{ ip: gateway, prefix: 24, brd: gateway.replace(/\.\d+$/, ".255"), scope: "global" }],
    qdisc: "noqueue",
    qlen: 1000,
    state: "UP",
  });
  node.host.addRoute({ dst: net, dev: "cni0", proto: "kernel", scope: "link", src: gateway });
}

/** Create the flannel CNI hook for a node's containerd. */
export function flannelCni(node: NodeNetwork, now: () => number): NetworkHook {
  const bySandbox = new Map<string, { ip: string; veth: string; inode: number }>();
  const lastEnv: { env?: string; cfg?: FlannelConfig } = {};
  // The two routes through the node's bridge are the same in every pod: one pair, shared (routes are
  // never changed in place), remade when the subnet or network changes.
  let shared: { key: string; routes: [Route, Route] } | undefined;
  const gatewayRoutes = (gateway: string, network: string): [Route, Route] => {
    const key = `${gateway} ${network}`;
    if (shared?.key !== key) {
      const via = gateway.replace(/\.0$/, ".1");
      shared = {
        key,
        routes: [
          { dst: "default", via, dev: "eth0" },
          { dst: network, via, dev: "eth0" },
        ],
      };
    }
    return shared.routes;
  };
  return {
    setup(req: NetworkRequest) {
      const cfg = readConfig(node, lastEnv);
      if ("error" in cfg) return cfg;
      // Worked out once per subnet.env text (the config object is kept while the text stays the same).
      cfg.pool ??= poolOf(cfg.subnet);
      const pool = cfg.pool;
      const ip = allocate(node, pool, req.sandboxId, now());
      const { range, gateway } = pool;
      if (!ip)
        return {
          error: `plugin type="flannel" failed (add): failed to delegate add: failed to allocate for range 0: no IP addresses available in range set: ${range}.1-${range}.254`,
        };
      ensureBridge(node, gateway, cfg.mtu);
      const named = node.machine.netns.get(req.netnsName)!;
      node.machine.netns.assignNsid(req.netnsName);
      const pod = node.podStack(named.inode);
      const veth = `veth${hexFrom(`veth:${req.sandboxId}`)}`;
      const hostSide = node.host.addLink({
        name: veth,
        kind: "veth",
        mtu: cfg.mtu,
        mac: macFrom(`veth-host:${req.sandboxId}`),
        addrs: [],
        master: "cni0",
        peer: { index: 2, netns: req.netnsName },
        qdisc: "noqueue",
        state: "UP",
      });
      pod.addLink(LOOPBACK);
      pod.addLink({
        name: "eth0",
        kind: "veth",
        mtu: cfg.mtu,
        mac: macFrom(`veth-pod:${req.sandboxId}`),
        addrs: [{ ip, prefix: 24, brd: `${range}.255`, scope: "global" }],
        // Seen from inside the pod, the host namespace is the first peer: netnsid 0.
        peer: { index: hostSide.index, nsid: 0 },
        qdisc: "noqueue",
        state: "UP",
      });
      const [viaDefault, viaNetwork] = gatewayRoutes(gateway, cfg.network);
      pod.addRoute(viaDefault);
      pod.addRoute(viaNetwork);
      pod.addRoute({ dst: `${range}.0/24`, dev: "eth0", proto: "kernel", scope: "link", src: ip });
      bySandbox.set(req.sandboxId, { ip, veth, inode: named.inode });
      return { ip };
    },
    teardown(sandboxId: string) {
      const entry = bySandbox.get(sandboxId);
      if (!entry) return;
      bySandbox.delete(sandboxId);
      node.host.removeLink(entry.veth);
      node.dropPodStack(entry.inode);
      node.machine.fs.remove(`${IPAM_DIR}/${entry.ip}`);
    },
  };
}
