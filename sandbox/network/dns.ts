// DNS as the model carries it: a one-line query and answer payload over UDP/53, CoreDNS's `kubernetes`
// plugin answering from informers, and the stub resolver's search-path walk. Wire format is the model's own.

import type { EndpointSlice, Service } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { Informer } from "../client/informer.ts";
import type { ImageContext } from "../images/types.ts";
import type { DaemonHookInfo } from "../node/cri-types.ts";
import type { SocketTable } from "../node/sockets.ts";

/** A DNS answer: the rcode and A records. */
export interface DnsAnswer {
  rcode: "NOERROR" | "NXDOMAIN" | "SERVFAIL";
  ips: string[];
}

/** Encode a query payload: an A query for a name, or a PTR query for an `in-addr.arpa` name. */
export const dnsQuery = (name: string, type: "A" | "PTR" = "A"): string => `DNS ${type} ${name}`;

/** The `in-addr.arpa` name a reverse lookup of an IPv4 address asks for. */
export const reverseName = (ip: string): string => `${ip.split(".").reverse().join(".")}.in-addr.arpa`;

/** Decode an answer payload (an empty or foreign payload is a server failure). */
export function parseAnswer(payload: string): DnsAnswer {
  const [rcode, ...ips] = payload.trim().split(/\s+/);
  if (rcode === "NOERROR" || rcode === "NXDOMAIN") return { rcode, ips };
  return { rcode: "SERVFAIL", ips: [] };
}

/** Answer one name from the kubernetes plugin's view: services, headless endpoints, pod A records. */
export function answer(
  name: string,
  services: Service[],
  slices: EndpointSlice[],
  zone = "cluster.local",
): DnsAnswer {
  const q = name.replace(/\.$/, "").toLowerCase();
  if (!q.endsWith(`.${zone}`)) return { rcode: "SERVFAIL", ips: [] };
  const labels = q.slice(0, -zone.length - 1).split(".");
  if (labels.length === 3 && labels[2] === "svc") {
    const [svc, ns] = labels;
    const s = services.find((x) => x.metadata.name === svc && x.metadata.namespace === ns);
    if (!s) return { rcode: "NXDOMAIN", ips: [] };
    if (s.spec.clusterIP && s.spec.clusterIP !== "None") return { rcode: "NOERROR", ips: [s.spec.clusterIP] };
    const ips = slices
      .filter((e) => e.metadata.namespace === ns && e.metadata.labels?.["kubernetes.io/service-name"] === svc)
      .flatMap((e) => e.endpoints ?? [])
      .filter((ep) => ep.conditions?.ready !== false)
      .flatMap((ep) => ep.addresses);
    return { rcode: "NOERROR", ips: [...new Set(ips)].sort() };
  }
  if (labels.length === 3 && labels[2] === "pod" && /^\d+-\d+-\d+-\d+$/.test(labels[0]))
    return { rcode: "NOERROR", ips: [labels[0].replace(/-/g, ".")] };
  return { rcode: "NXDOMAIN", ips: [] };
}

/** Answer a PTR query as CoreDNS v1.11's kubernetes plugin does: a Service's ClusterIP, else every endpoint of the address. */
export function answerPtr(
  name: string,
  services: Service[],
  slices: EndpointSlice[],
  zone = "cluster.local",
): { rcode: "NOERROR" | "NXDOMAIN"; names: string[] } {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.?$/i.exec(name);
  if (!m) return { rcode: "NXDOMAIN", names: [] };
  const ip = [m[4], m[3], m[2], m[1]].join(".");
  const svc = services.find((s) => s.spec.clusterIP === ip || s.spec.clusterIPs?.includes(ip));
  if (svc) return { rcode: "NOERROR", names: [`${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}`] };
  // One record per Service whose ready endpoints hold the address, named by the endpoint's hostname or
  // its dashed IP. The plugin's order follows its index; the model sorts. Misses fall through to the
  // forward plugin, whose upstream is taken to answer NXDOMAIN for cluster addresses.
  const names = slices
    .filter((e) => e.addressType === "IPv4" && e.metadata.labels?.["kubernetes.io/service-name"])
    .flatMap((e) =>
      (e.endpoints ?? [])
        .filter((ep) => ep.conditions?.ready !== false && ep.addresses.includes(ip))
        .map(
          (ep) =>
            `${ep.hostname ?? ip.replace(/\./g, "-")}.${e.metadata.labels?.["kubernetes.io/service-name"]}.${e.metadata.namespace}.svc.${zone}`,
        ),
    );
  const unique = [...new Set(names)].sort();
  return unique.length ? { rcode: "NOERROR", names: unique } : { rcode: "NXDOMAIN", names: [] };
}

/** CoreDNS: watch services and EndpointSlices, answer on the already bound :53 sockets. */
export function corednsHook(api: ApiServer, sockets: SocketTable) {
  return (ctx: ImageContext, info: DaemonHookInfo): (() => void) => {
    const services = new Informer<Service>(api, "services").start();
    const slices = new Informer<EndpointSlice>(api, "endpointslices").start();
    for (const proto of ["udp", "tcp"] as const) {
      const l = sockets.lookup(info.net, proto, 53);
      if (!l) continue;
      l.handler = (payload) => {
        const m = /^DNS (A|PTR) (\S+)$/.exec(payload.trim());
        if (!m) return "";
        if (m[1] === "PTR") {
          const p = answerPtr(m[2], services.list(), slices.list());
          return `${p.rcode} ${p.names.join(" ")}`.trim();
        }
        const a = answer(m[2], services.list(), slices.list());
        return `${a.rcode} ${a.ips.join(" ")}`.trim();
      };
    }
    ctx.log(
      "[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5",
      "stdout",
    );
    return () => {
      services.stop();
      slices.stop();
    };
  };
}

/** A parsed resolv.conf. */
export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
}

/** Parse resolv.conf text. */
export function parseResolvConf(text: string): ResolvConf {
  const out: ResolvConf = { nameservers: [], search: [], ndots: 1 };
  for (const line of text.split("\n")) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key === "nameserver" && rest[0]) out.nameservers.push(rest[0]);
    if (key === "search") out.search = rest.filter((d) => d !== ".");
    if (key === "options") for (const o of rest) if (o.startsWith("ndots:")) out.ndots = Number(o.slice(6));
  }
  return out;
}

/** The names the stub resolver tries for a query, in order (search list first when dots < ndots). */
export function candidates(name: string, conf: ResolvConf): string[] {
  if (name.endsWith(".")) return [name.slice(0, -1)];
  const dots = name.split(".").length - 1;
  const searched = conf.search.map((d) => `${name}.${d}`);
  return dots < conf.ndots ? [...searched, name] : [name, ...searched];
}

/** Look a name up in /etc/hosts text. */
export function hostsLookup(hosts: string, name: string): string | undefined {
  for (const line of hosts.split("\n")) {
    const [ip, ...names] = line.replace(/#.*/, "").trim().split(/\s+/);
    if (ip && /^\d+\.\d+\.\d+\.\d+$/.test(ip) && names.includes(name)) return ip;
  }
  return undefined;
}

/** The first name /etc/hosts text gives an address. */
export function hostsReverse(hosts: string, ip: string): string | undefined {
  for (const line of hosts.split("\n")) {
    const [addr, name] = line.replace(/#.*/, "").trim().split(/\s+/);
    if (addr === ip && name) return name;
  }
  return undefined;
}
