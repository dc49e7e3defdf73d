// Where a network command runs (a node or a container) and the two things every tool does: resolve a
// name through /etc/hosts and the DNS server in resolv.conf, then connect along the packet path.
import {
  candidates,
  dnsQuery,
  hostsLookup,
  hostsReverse,
  parseAnswer,
  parseResolvConf,
  reverseName,
} from "./dns.ts";
import type { Fabric } from "./fabric.ts";
import type { NodeNetwork } from "./node-network.ts";
import { type ConnectResult, connect, type Flow, type Hop } from "./packet.ts";
import type { NetStack } from "./stack.ts";

/** The place a command runs: its node, net namespace and name-service files. */
export interface Site {
  fabric: Fabric;
  node: NodeNetwork;
  stack: NetStack;
  resolvConf: string;
  hosts: string;
  hostname: string;
  now: number;
  random: () => number;
  /** `busybox` inside most pods, `debian` in Debian-based images, `ubuntu` on the nodes. */
  flavor: "busybox" | "debian" | "ubuntu";
  /** The busybox release of the image (`1.28.4`), when the image says; its applets print per version. */
  busyboxVersion?: string;
}

/** A name lookup's outcome, with the DNS exchange's hops. */
export type Resolution =
  | { ok: true; ip: string; fqdn: string; server?: string; hops: Hop[] }
  | { ok: false; reason: "nxdomain" | "servfail" | "timeout"; server?: string; fqdn: string; hops: Hop[] };

/** Resolve a host name (or pass an address through) as glibc/musl do: hosts file, then DNS with the search list. */
export function resolveName(site: Site, name: string): Resolution {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return { ok: true, ip: name, fqdn: name, hops: [] };
  const local = hostsLookup(site.hosts, name);
  if (local)
    return {
      ok: true,
      ip: local,
      fqdn: name,
      hops: [{ node: site.node.name, kind: "route", text: `/etc/hosts: ${name} is ${local}` }],
    };
  const conf = parseResolvConf(site.resolvConf);
  const server = conf.nameservers[0];
  const hops: Hop[] = [];
  if (!server) return { ok: false, reason: "timeout", fqdn: name, hops };
  let last: Resolution = { ok: false, reason: "nxdomain", server, fqdn: name, hops };
  for (const fqdn of candidates(name, conf)) {
    const r = sendTo(site, { proto: "udp", dst: server, dport: 53, payload: dnsQuery(fqdn) });
    if (!r.ok) {
      hops.push(...r.hops);
      return { ok: false, reason: "timeout", server, fqdn, hops };
    }
    const a = parseAnswer(r.response);
    const said = {
      node: site.node.name,
      kind: "dns" as const,
      text: `DNS ${fqdn}? -> ${a.rcode} ${a.ips.join(" ")}`.trim(),
    };
    if (a.rcode === "NOERROR" && a.ips.length > 0) {
      hops.push(...r.hops, said);
      return { ok: true, ip: a.ips[0], fqdn, server, hops };
    }
    hops.push(said);
    if (a.rcode === "SERVFAIL") last = { ok: false, reason: "servfail", server, fqdn, hops };
    else if (last.ok === false && last.reason !== "servfail")
      last = { ok: false, reason: "nxdomain", server, fqdn, hops };
  }
  return last;
}

/** Name an address as getnameinfo with NI_NAMEREQD does: the hosts file, then a PTR query; undefined when neither names it. */
export function reverseLookup(site: Site, ip: string): string | undefined {
  const local = hostsReverse(site.hosts, ip);
  if (local) return local;
  const server = parseResolvConf(site.resolvConf).nameservers[0];
  if (!server) return undefined;
  const r = sendTo(site, { proto: "udp", dst: server, dport: 53, payload: dnsQuery(reverseName(ip), "PTR") });
  if (!r.ok) return undefined;
  const [rcode, first] = r.response.trim().split(/\s+/);
  return rcode === "NOERROR" ? first : undefined;
}

/** Send one flow from the site along the packet path. */
export function sendTo(site: Site, flow: Flow): ConnectResult {
  return connect(site.fabric, { node: site.node, stack: site.stack }, flow, {
    now: site.now,
    random: site.random,
  });
}

/** Every address a name resolves to (headless Services give several). */
export function resolveAll(site: Site, name: string): string[] {
  const r = resolveName(site, name);
  if (!r.ok) return [];
  const conf = parseResolvConf(site.resolvConf);
  if (!r.server || !conf.nameservers.length) return [r.ip];
  const again = sendTo(site, { proto: "udp", dst: r.server, dport: 53, payload: dnsQuery(r.fqdn) });
  return again.ok ? parseAnswer(again.response).ips : [r.ip];
}

/** Format an errno the way strerror does. */
export function strerror(e: ConnectResult & { ok: false }): string {
  switch (e.error) {
    case "refused":
      return "Connection refused";
    case "timeout":
      return "Connection timed out";
    case "unreachable":
      return "No route to host";
    default:
      return "Network is unreachable";
  }
}

/** Virtual milliseconds a failure takes before the caller sees it (SYN retries, ARP timeout). */
export function failureMs(e: ConnectResult & { ok: false }): number {
  return e.error === "timeout" ? 130_000 : e.error === "unreachable" ? 3_070 : 0;
}
