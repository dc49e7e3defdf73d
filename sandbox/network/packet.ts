// The packet path: a connection leaves a net namespace, crosses iptables, routes, the bridge, veths and
// the VXLAN overlay, and reaches a listening socket, or fails as Linux does. Every decision is a Hop.
// Only the first packet of a connection is walked; replies follow conntrack, which is not modelled.
import type { EvalResult, Packet } from "../node/iptables/evaluate.ts";
import { traverseHook } from "../node/iptables/evaluate.ts";
import type { Fabric } from "./fabric.ts";
import type { NodeNetwork } from "./node-network.ts";
import type { NetStack, Route } from "./stack.ts";

/** One step of a connection's journey. */
export interface Hop {
  node: string;
  kind: "dns" | "iptables" | "route" | "veth" | "bridge" | "vxlan" | "wire" | "socket" | "fail";
  text: string;
}

/** Why a connection failed, as errno. */
export type ConnectError = "refused" | "timeout" | "unreachable" | "no-route" | "net-unreachable";

/** A connection attempt's outcome. */
export type ConnectResult =
  | { ok: true; response: string; hops: Hop[]; dst: string; dport: number; src: string; pid: number }
  | { ok: false; error: ConnectError; hops: Hop[]; dst: string; dport: number };

/** Where a connection starts: a node and one of its net namespaces. */
export interface Origin {
  node: NodeNetwork;
  stack: NetStack;
}

/** What to send. */
export interface Flow {
  proto: "tcp" | "udp" | "icmp";
  dst: string;
  dport: number;
  payload: string;
}

interface Walk {
  fabric: Fabric;
  now: number;
  random: () => number;
  hops: Hop[];
  flow: Flow;
  ttl: number;
  /** Whether the hops' texts are wanted; callers that only read the outcome skip building them. */
  trace: boolean;
}

const hop = (w: Walk, node: NodeNetwork, kind: Hop["kind"], text: string) =>
  w.hops.push({ node: node.name, kind, text });

function fail(w: Walk, node: NodeNetwork, error: ConnectError, pkt: Packet, why: string): ConnectResult {
  hop(w, node, "fail", why);
  return { ok: false, error, hops: w.hops, dst: pkt.dst, dport: pkt.dport ?? 0 };
}

const DECIDING_JUMP = / -j KUBE-(SVC-|SEP-|EXT-|NODEPORTS|MARK-MASQ)/;

// Run one netfilter hook on a node and record the rules that did something; returns the rewritten packet.
function netfilter(w: Walk, node: NodeNetwork, hook: string, pkt: Packet, masq?: string): EvalResult | null {
  const results = traverseHook(node.iptables, hook, pkt, {
    random: w.random,
    localAddresses: node.host.localAddresses(),
    masqueradeAddress: masq,
  });
  // Only the rules that decide something: service, endpoint and nodeport jumps, rewrites and verdicts.
  if (w.trace)
    for (const r of results)
      for (const s of r.steps)
        if (
          s.action !== "jump" && s.action !== "continue" && s.action !== "return"
            ? s.action !== "accept" || r.verdict !== "ACCEPT" || s.table === "filter"
            : DECIDING_JUMP.test(s.rule)
        )
          hop(w, node, "iptables", `${s.table} ${hook}: ${s.rule}`);
  return results.length ? results[results.length - 1] : null;
}

function whereText(node: NodeNetwork, stack: NetStack): string {
  return stack === node.host
    ? "the host"
    : `pod netns ${node.machine.netns.nameOf(stack.inode) ?? stack.inode}`;
}

function deliver(w: Walk, node: NodeNetwork, stack: NetStack, pkt: Packet): ConnectResult {
  if (w.flow.proto === "icmp") {
    hop(w, node, "socket", `${pkt.dst} is local to ${whereText(node, stack)}: echo reply`);
    return { ok: true, response: "", hops: w.hops, dst: pkt.dst, dport: 0, src: pkt.src, pid: 0 };
  }
  const l = node.machine.sockets.lookup(stack.inode, w.flow.proto, pkt.dport ?? 0, pkt.dst);
  if (!l) {
    const where = whereText(node, stack);
    const other = node.machine.sockets.lookup(stack.inode, w.flow.proto, pkt.dport ?? 0);
    const why = other
      ? `${w.flow.proto}/${pkt.dport} in ${where} is bound to ${other.addr} only, not ${pkt.dst}: RST`
      : `nothing listens on ${w.flow.proto}/${pkt.dport} in ${where}: RST`;
    return fail(w, node, "refused", pkt, why);
  }
  if (w.trace) {
    const comm = node.machine.processes.get(l.pid)?.comm ?? "?";
    const where = whereText(node, stack);
    hop(w, node, "socket", `${pkt.dst}:${pkt.dport} in ${where}: accepted by ${comm} (pid ${l.pid})`);
  }
  const response = l.handler(w.flow.payload, { now: w.now, remoteIp: pkt.src });
  return { ok: true, response, hops: w.hops, dst: pkt.dst, dport: pkt.dport ?? 0, src: pkt.src, pid: l.pid };
}

function routeText(r: Route): string {
  return `${r.dst}${r.via ? ` via ${r.via}` : ""} dev ${r.dev}${r.onlink ? " onlink" : ""}`;
}

// A packet arrives in the host namespace of `node` on `inIface`.
function ingress(w: Walk, node: NodeNetwork, pkt0: Packet): ConnectResult {
  if (--w.ttl <= 0) return fail(w, node, "timeout", pkt0, "TTL exceeded");
  const pre = netfilter(w, node, "PREROUTING", pkt0);
  if (pre && pre.verdict !== "ACCEPT") return fail(w, node, "timeout", pkt0, "dropped in PREROUTING");
  const pkt = pre?.packet ?? pkt0;
  if (pre?.dnat) hop(w, node, "iptables", `DNAT ${pkt0.dst}:${pkt0.dport} -> ${pkt.dst}:${pkt.dport}`);
  if (node.host.isLocal(pkt.dst)) {
    const input = netfilter(w, node, "INPUT", pkt);
    if (input && input.verdict === "REJECT")
      return fail(w, node, "refused", pkt, "rejected: ICMP port unreachable");
    if (input && input.verdict === "DROP") return fail(w, node, "timeout", pkt, "dropped in INPUT");
    return deliver(w, node, node.host, pkt);
  }
  const fwd = netfilter(w, node, "FORWARD", pkt);
  if (fwd && fwd.verdict === "REJECT")
    return fail(w, node, "refused", pkt, "rejected: ICMP port unreachable");
  if (fwd && fwd.verdict === "DROP") return fail(w, node, "timeout", pkt, "dropped in FORWARD");
  return egress(w, node, pkt);
}

// A packet leaves the host namespace of `node` by its routing table.
function egress(w: Walk, node: NodeNetwork, pkt0: Packet): ConnectResult {
  const route = node.host.lookup(pkt0.dst);
  if (!route) return fail(w, node, "net-unreachable", pkt0, `no route to ${pkt0.dst}`);
  if (w.trace) hop(w, node, "route", `route ${pkt0.dst}: ${routeText(route)}`);
  const masq = node.host.link(route.dev)?.addrs[0]?.ip;
  const post = netfilter(w, node, "POSTROUTING", { ...pkt0, outIface: route.dev }, masq);
  const pkt = { ...(post?.packet ?? pkt0), outIface: undefined, inIface: undefined };
  if (post?.masquerade) hop(w, node, "iptables", `MASQUERADE source ${pkt0.src} -> ${pkt.src}`);
  if (route.dev === "cni0") {
    const target = node.podStacks().find((s) => s.isLocal(pkt.dst) && pkt.dst !== "127.0.0.1");
    if (!target) return fail(w, node, "unreachable", pkt, `cni0: no neighbour answers ARP for ${pkt.dst}`);
    if (w.trace) {
      const veth = node.host.links.find((l) => l.peer?.netns === node.machine.netns.nameOf(target.inode));
      hop(
        w,
        node,
        "bridge",
        `cni0 forwards to ${veth?.name ?? "veth"} -> eth0 in ${veth?.peer?.netns ?? "pod"}`,
      );
    }
    return deliver(w, node, target, pkt);
  }
  if (route.dev === "flannel.1") {
    const remote = route.via ? w.fabric.vtep(route.via) : undefined;
    if (!remote) return fail(w, node, "timeout", pkt, `flannel.1: no fdb entry for ${route.via}`);
    hop(w, node, "vxlan", `flannel.1 encapsulates in UDP ${node.ip} -> ${remote.node.ip}:8472 (VNI 1)`);
    hop(w, remote.node, "vxlan", `flannel.1 decapsulates ${pkt.src} -> ${pkt.dst}`);
    return ingress(w, remote.node, { ...pkt, inIface: "flannel.1" });
  }
  // The underlay only knows the nodes; anything else (the internet) never answers offline.
  const peer = w.fabric.byIp(pkt.dst);
  if (!peer)
    return fail(
      w,
      node,
      "timeout",
      pkt,
      `${route.dev}: ${pkt.dst} does not answer (no such host on the network)`,
    );
  hop(w, node, "wire", `${route.dev} -> ${peer.name} (${peer.ip})`);
  return ingress(w, peer, { ...pkt, inIface: "eth0" });
}

/** Open a connection (or send one datagram / echo request) from a net namespace and follow it to the end. */
export function connect(
  fabric: Fabric,
  origin: Origin,
  flow: Flow,
  // `trace: false` leaves out the hops that only describe the way (the outcome is the same).
  ctx: { now: number; random: () => number; trace?: boolean },
): ConnectResult {
  const trace = ctx.trace ?? true;
  const w: Walk = { fabric, now: ctx.now, random: ctx.random, hops: [], flow, ttl: 8, trace };
  const { node, stack } = origin;
  const loop = /^127\./.test(flow.dst);
  const isHost = stack === node.host;
  // The host picks its source address from the route out (cni0's to local pods, flannel.1's to remote ones).
  const out = isHost && !loop && !stack.isLocal(flow.dst) ? stack.lookup(flow.dst) : undefined;
  const src = loop ? "127.0.0.1" : ((out && stack.link(out.dev)?.addrs[0]?.ip) ?? stack.primaryAddress());
  let pkt: Packet = { proto: flow.proto, src, dst: flow.dst, sport: 43512, dport: flow.dport };
  if (isHost) {
    const out = netfilter(w, node, "OUTPUT", pkt);
    if (out && out.verdict === "REJECT")
      return fail(w, node, "refused", pkt, "rejected: ICMP port unreachable");
    if (out && out.verdict === "DROP") return fail(w, node, "timeout", pkt, "dropped in OUTPUT");
    if (out?.dnat)
      hop(w, node, "iptables", `DNAT ${pkt.dst}:${pkt.dport} -> ${out.packet.dst}:${out.packet.dport}`);
    pkt = out?.packet ?? pkt;
  }
  if (stack.isLocal(pkt.dst)) {
    hop(w, node, "route", `${pkt.dst} is a local address: loopback`);
    return deliver(w, node, stack, pkt);
  }
  const route = stack.lookup(pkt.dst);
  if (!route) return fail(w, node, "net-unreachable", pkt, `no route to ${pkt.dst}`);
  if (isHost) return egress(w, node, pkt);
  hop(w, node, "route", `route ${pkt.dst}: ${routeText(route)} (in the pod)`);
  const veth = node.host.links.find((l) => l.peer?.netns === node.machine.netns.nameOf(stack.inode));
  hop(w, node, "veth", `eth0 -> ${veth?.name ?? "veth"} on the host, bridged by cni0`);
  return ingress(w, node, { ...pkt, inIface: "cni0" });
}
