// flanneld (kube subnet manager, VXLAN backend) and the `cp` of flannel's install-cni init containers,
// run as the node-side behaviour of flannel's DaemonSet pods.

import type { ConfigMap, Node, Pod } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import type { ImageContext } from "../images/types.ts";
import type { DaemonHookInfo } from "../node/cri-types.ts";
import { appendRule, newChain, useTable } from "../node/iptables/model.ts";
import { sharedRule } from "../node/iptables/parse-rule.ts";
import { klog } from "../util/klog.ts";
import type { Fabric } from "./fabric.ts";
import { macFrom, type NodeNetwork } from "./node-network.ts";
import type { Route } from "./stack.ts";
import { FLANNEL_ANNOTATION as ANN, type SubnetLeases } from "./subnet-leases.ts";

/** Resolve a container path through the pod's volume mounts: a host path or a ConfigMap key's text. */
function resolveMount(api: ApiServer, info: DaemonHookInfo, path: string): { host?: string; text?: string } {
  const pod = api.tryGet<Pod>(
    "pods",
    info.labels["io.kubernetes.pod.namespace"],
    info.labels["io.kubernetes.pod.name"],
  );
  const name = info.labels["io.kubernetes.container.name"];
  const c = pod && [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find((x) => x.name === name);
  for (const m of c?.volumeMounts ?? []) {
    const at = m.mountPath.replace(/\/+$/, "");
    if (path !== at && !path.startsWith(`${at}/`)) continue;
    const rest = path.slice(at.length).replace(/^\//, "");
    const vol = pod?.spec.volumes?.find((v) => v.name === m.name);
    if (vol?.hostPath) return { host: rest ? `${vol.hostPath.path}/${rest}` : vol.hostPath.path };
    if (vol?.configMap) {
      const cm = api.tryGet<ConfigMap>("configmaps", pod?.metadata.namespace, vol.configMap.name);
      const text = cm?.data?.[rest];
      if (text !== undefined) return { text };
    }
  }
  return {};
}

/** `cp -f SRC DST` in flannel's init containers: copy the CNI binary or config onto the host. */
export function cpHook(api: ApiServer, node: NodeNetwork) {
  return (ctx: ImageContext, info: DaemonHookInfo): undefined => {
    const args = ctx.argv.slice(1).filter((a) => !a.startsWith("-"));
    const [src, dst] = args;
    const from =
      src === "/flannel"
        ? { text: "\u007fELF flannel CNI plugin v1.6.2-flannel1\n" }
        : resolveMount(api, info, src ?? "");
    const to = resolveMount(api, info, dst ?? "");
    // The copy takes a few milliseconds; the exit must come after the runtime has reported the start.
    ctx.schedule(20, () => {
      if (from.text === undefined || !to.host) {
        ctx.log(`cp: can't stat '${src ?? ""}': No such file or directory`, "stderr");
        ctx.exit(1);
        return;
      }
      const fs = node.machine.fs;
      fs.mkdirp(to.host.slice(0, to.host.lastIndexOf("/")) || "/", ctx.now());
      fs.writeFile(to.host, from.text, ctx.now());
      ctx.exit(0);
    });
    return undefined;
  };
}

function masqRules(node: NodeNetwork, network: string, subnet: string): void {
  const nat = useTable(node.iptables, "nat");
  const filter = useTable(node.iptables, "filter");
  if (nat.chains.has("FLANNEL-POSTRTG")) return;
  const c = ["-m", "comment", "--comment", "flanneld masq"];
  newChain(nat, "FLANNEL-POSTRTG");
  appendRule(nat, "POSTROUTING", sharedRule([...c, "-j", "FLANNEL-POSTRTG"]));
  for (const rule of [
    ["-m", "mark", "--mark", "0x4000/0x4000", ...c, "-j", "RETURN"],
    ["-s", subnet, "-d", network, ...c, "-j", "RETURN"],
    ["-s", network, "-d", subnet, ...c, "-j", "RETURN"],
    ["!", "-s", network, "-d", subnet, ...c, "-j", "RETURN"],
    ["-s", network, "!", "-d", "224.0.0.0/4", ...c, "-j", "MASQUERADE", "--random-fully"],
    ["!", "-s", network, "-d", network, ...c, "-j", "MASQUERADE", "--random-fully"],
  ])
    appendRule(nat, "FLANNEL-POSTRTG", sharedRule(rule));
  const f = ["-m", "comment", "--comment", "flanneld forward"];
  newChain(filter, "FLANNEL-FWD");
  appendRule(filter, "FORWARD", sharedRule([...f, "-j", "FLANNEL-FWD"]));
  appendRule(filter, "FLANNEL-FWD", sharedRule(["-s", network, ...f, "-j", "ACCEPT"]));
  appendRule(filter, "FLANNEL-FWD", sharedRule(["-d", network, ...f, "-j", "ACCEPT"]));
}

// The route to a lease's subnet is the same on every node: one object per subnet, shared by the nodes'
// tables (routes are never changed in place). Safe across clusters: it depends on the text alone.
const leaseRoutes = new Map<string, Route>();

function leaseRoute(subnet: string): Route {
  let route = leaseRoutes.get(subnet);
  if (route === undefined) {
    route = { dst: subnet, via: subnet.replace(/\/\d+$/, ""), dev: "flannel.1", onlink: true };
    if (leaseRoutes.size >= 100_000) leaseRoutes.clear();
    leaseRoutes.set(subnet, route);
  }
  return route;
}

// Every flannel pod logs one of these per other node's lease: rendered when read, not kept as text.
function leaseAdded(time: number, subnet: string): string {
  return klog(time, 1, "vxlan_network.go:108", `Handling addition of lease ${subnet}`);
}

/** flanneld: lease the node's podCIDR, write subnet.env, bring up flannel.1 and route to the other nodes. */
export function flanneldHook(api: ApiServer, fabric: Fabric, leases: SubnetLeases, node: NodeNetwork) {
  return (ctx: ImageContext, _info: DaemonHookInfo): (() => void) | undefined => {
    const me = api.tryGet<Node>("nodes", undefined, node.name);
    const cidr = me?.spec.podCIDR;
    const log = (where: string, msg: string) => ctx.log(klog(ctx.now(), 1, where, msg), "stderr");
    if (!cidr) {
      ctx.log(
        klog(
          ctx.now(),
          1,
          "main.go:359",
          `Error registering network: failed to acquire lease: node "${node.name}" pod cidr not assigned`,
          "E",
        ),
        "stderr",
      );
      ctx.schedule(10, () => ctx.exit(1));
      return undefined;
    }
    const network = fabric.clusterCIDR;
    const vtep = cidr.replace(/\/\d+$/, "");
    const gw = cidr.replace(/\.0\/24$/, ".1/24");
    log("kube.go:139", "Waiting 10m0s for node controller to sync");
    log(
      "main.go:418",
      `Current network or subnet (${network}, ${cidr}) is not equal to previous one (0.0.0.0/0, 0.0.0.0/0), trying to recycle old iptables rules`,
    );
    const fs = node.machine.fs;
    fs.mkdirp("/run/flannel", ctx.now());
    fs.writeFile(
      "/run/flannel/subnet.env",
      `FLANNEL_NETWORK=${network}\nFLANNEL_SUBNET=${gw}\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n`,
      ctx.now(),
    );
    const mac = macFrom(`flannel.1:${node.name}`);
    if (!node.host.link("flannel.1"))
      node.host.addLink({
        name: "flannel.1",
        kind: "vxlan",
        mtu: 1450,
        mac,
        addrs: [{ ip: vtep, prefix: 32, scope: "global" }],
        qdisc: "noqueue",
        state: "UNKNOWN",
      });
    fabric.addVtep(vtep, node, mac);
    masqRules(node, network, cidr);
    // update() deep-copies what it is given, so a shallow copy with new annotations is enough here.
    const annotations = {
      ...(me!.metadata.annotations ?? {}),
      [`${ANN}backend-data`]: JSON.stringify({ VNI: 1, VtepMAC: mac }),
      [`${ANN}backend-type`]: "vxlan",
      [`${ANN}kube-subnet-manager`]: "true",
      [`${ANN}public-ip`]: node.ip,
    };
    api.update("nodes", { ...me!, metadata: { ...me!.metadata, annotations } });
    log("vxlan_network.go:65", `watching for new subnet leases`);
    return leases.subscribe({
      added: (name, subnet) => {
        if (name === node.name || node.host.hasRoute(subnet)) return;
        node.host.addRoute(leaseRoute(subnet));
        ctx.logFormatted(leaseAdded, subnet, "stderr");
      },
      removed: (name, subnet) => {
        if (name !== node.name) node.host.removeRoute(subnet, "flannel.1");
      },
    });
  };
}
