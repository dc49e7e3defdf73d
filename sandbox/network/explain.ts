// Explain a packet: follow one connection hop by hop (DNS answer, KUBE-SERVICES, KUBE-SVC pick,
// KUBE-SEP DNAT, route, bridge or VXLAN, veth, listening process) and print the rule or route behind each.
import type { Pod } from "../api/types.ts";
import type { CommandOutput } from "../node/ps.ts";
import { parseResolvConf } from "./dns.ts";
import { containerSite } from "./exec.ts";
import type { ClusterNetwork } from "./install.ts";
import type { Hop } from "./packet.ts";
import { resolveName, type Site, sendTo, strerror } from "./site.ts";
import { parseUrl, splitResponse } from "./tools/http.ts";

const USAGE = "usage: explain [--from [NAMESPACE/]POD] URL|HOST:PORT\n";

/** Find the site of a pod's first container ("ns/name" or "name" in default). */
export function podSite(net: ClusterNetwork, ref: string, now: number): Site | string {
  const [ns, name] = ref.includes("/") ? ref.split("/") : ["default", ref];
  const pod = net.api.tryGet<Pod>("pods", ns, name.replace(/^pod\//, ""));
  if (!pod) return `pods "${name}" not found`;
  const node = pod.spec.nodeName ? net.node(pod.spec.nodeName) : undefined;
  const id = pod.status?.containerStatuses
    ?.find((c) => c.containerID)
    ?.containerID?.replace(/^containerd:\/\//, "");
  if (!node || !id) return `pod ${ns}/${name} has no running container`;
  return containerSite(net, node, node.machine.containerd.execTarget(id), now);
}

function line(n: number, h: Hop): string {
  return `${String(n).padStart(2)}. [${h.node}] ${h.kind.padEnd(8)} ${h.text}\n`;
}

/** Follow a connection from a site to a URL or host:port and describe every hop. */
export function explainFrom(site: Site, target: string, from: string): string {
  const u = parseUrl(target.includes("://") || !/:\d+$/.test(target) ? target : `http://${target}`);
  if (!u) return `explain: cannot parse ${target}\n`;
  let out = `Connection from ${from} (${site.stack.primaryAddress()} on ${site.node.name}) to ${u.host}:${u.port}/tcp\n`;
  let n = 0;
  const res = resolveName(site, u.host);
  if (res.ok && res.server) {
    const conf = parseResolvConf(site.resolvConf);
    out += line(++n, {
      node: site.node.name,
      kind: "dns",
      text: `resolv.conf: nameserver ${res.server}, search ${conf.search.join(" ") || "(none)"}, ndots:${conf.ndots}`,
    });
  }
  // The DNS exchange is itself a connection; show its answer and where kube-proxy sent it, not every hop.
  for (const h of res.hops)
    if (h.kind === "dns" || (h.kind === "socket" && res.ok) || h.kind === "fail" || h.text.startsWith("DNAT"))
      out += line(++n, h);
  if (!res.ok) return `${out}=> name not resolved: ${res.reason === "nxdomain" ? "NXDOMAIN" : res.reason}\n`;
  if (res.server) out += line(++n, { node: site.node.name, kind: "dns", text: `${u.host} is ${res.ip}` });
  const request = `GET ${u.path} HTTP/1.1\r\nHost: ${u.host}\r\nUser-Agent: explain\r\nAccept: */*\r\n\r\n`;
  const r = sendTo(site, { proto: "tcp", dst: res.ip, dport: u.port, payload: request });
  for (const h of r.hops) out += line(++n, h);
  if (!r.ok) return `${out}=> ${strerror(r)}\n`;
  const status = /^HTTP\/1\.[01] (\d+ [^\r\n]*)/.exec(r.response)?.[1];
  const body = splitResponse(r.response).body;
  return `${out}=> ${status ? `HTTP ${status}` : `${body.length} bytes`} from ${r.dst}:${r.dport} (client seen as ${r.src})\n`;
}

/** `explain [--from POD] TARGET` on a node: from the node itself unless a pod is named. */
export function runExplain(net: ClusterNetwork, nodeSite: Site, args: string[]): CommandOutput {
  let from: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--from") from = args[++i];
    else if (args[i].startsWith("--from=")) from = args[i].slice(7);
    else if (!["curl", "wget", "-s", "-qO-"].includes(args[i])) rest.push(args[i]);
  }
  if (rest.length !== 1) return { stdout: "", stderr: USAGE, exitCode: 2 };
  const site = from ? podSite(net, from, nodeSite.now) : nodeSite;
  if (typeof site === "string") return { stdout: "", stderr: `explain: ${site}\n`, exitCode: 1 };
  return {
    stdout: explainFrom(site, rest[0], from ? `pod ${from}` : `node ${nodeSite.node.name}`),
    stderr: "",
    exitCode: 0,
  };
}

/** Explain one connection (cells): from "pod/NAME", "NS/NAME", "NAME" or "node/NAME" to a URL or host:port. */
export function explainConnection(
  cluster: { network: ClusterNetwork; now(): number },
  from: string,
  to: string,
): string {
  const net = cluster.network;
  const now = cluster.now();
  if (from.startsWith("node/")) {
    const node = net.node(from.slice(5));
    if (!node) throw new Error(`explain: node "${from.slice(5)}" not found`);
    const file = (p: string) => {
      try {
        return node.machine.fs.readFile(p);
      } catch {
        return "";
      }
    };
    const site: Site = {
      fabric: net.fabric,
      node,
      stack: node.host,
      resolvConf: file("/etc/resolv.conf"),
      hosts: file("/etc/hosts"),
      hostname: node.name,
      now,
      random: net.random,
      flavor: "ubuntu",
    };
    return explainFrom(site, to, from.replace("/", " "));
  }
  const ref = from.replace(/^pods?\//, "");
  const site = podSite(net, ref, now);
  if (typeof site === "string") throw new Error(`explain: ${site}`);
  return explainFrom(site, to, `pod ${ref}`);
}
