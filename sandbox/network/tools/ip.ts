// `ip addr|link|route` as iproute2 5.15 prints them, from a namespace's NetStack.

import { parseIPv4 } from "../../node/iptables/addr.ts";
import type { CommandOutput } from "../../node/ps.ts";
import type { Link, NetStack, Route } from "../stack.ts";

/** iproute2 on the nodes, or busybox's `ip` applet inside pods (no state/group, M-DOWN on veths). */
export type IpFlavor = "iproute2" | "busybox";

function flags(l: Link, f: IpFlavor): string {
  if (l.kind === "loopback") return "<LOOPBACK,UP,LOWER_UP>";
  return f === "busybox" && l.kind === "veth"
    ? "<BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN>"
    : "<BROADCAST,MULTICAST,UP,LOWER_UP>";
}

function linkName(l: Link): string {
  return l.peer ? `${l.name}@if${l.peer.index}` : l.name;
}

function header(l: Link, mode: boolean, f: IpFlavor): string {
  const master = l.master ? ` master ${l.master}` : "";
  const qlen = l.qlen ? ` qlen ${l.qlen}` : "";
  if (f === "busybox")
    return `${l.index}: ${linkName(l)}: ${flags(l, f)} mtu ${l.mtu} qdisc ${l.qdisc}${master}${qlen || " "}\n`;
  return `${l.index}: ${linkName(l)}: ${flags(l, f)} mtu ${l.mtu} qdisc ${l.qdisc}${master} state ${l.state}${mode ? " mode DEFAULT" : ""} group default${qlen ? qlen : " "}\n`;
}

function linkLine(l: Link, f: IpFlavor): string {
  const type = l.kind === "loopback" ? "loopback" : "ether";
  const brd = l.kind === "loopback" ? "00:00:00:00:00:00" : "ff:ff:ff:ff:ff:ff";
  const peer =
    f === "busybox"
      ? ""
      : l.peer?.netns
        ? ` link-netns ${l.peer.netns}`
        : l.peer?.nsid !== undefined
          ? ` link-netnsid ${l.peer.nsid}`
          : "";
  const alt = l.altname ? `    altname ${l.altname}\n` : "";
  return `    link/${type} ${l.mac} brd ${brd}${peer}\n${alt}`;
}

// The IPv6 link-local address the kernel derives from the MAC (EUI-64).
function linkLocal(mac: string): string {
  const b = mac.split(":").map((x) => Number.parseInt(x, 16));
  b[0] ^= 2;
  const words = [(b[0] << 8) | b[1], (b[2] << 8) | 0xff, 0xfe00 | b[3], (b[4] << 8) | b[5]];
  return `fe80::${words.map((w) => w.toString(16)).join(":")}/64`;
}

function addrLines(l: Link): string {
  let out = "";
  for (const a of l.addrs) {
    const brd = a.brd ? ` brd ${a.brd}` : "";
    out += `    inet ${a.ip}/${a.prefix}${brd} scope ${a.scope} ${l.name}\n       valid_lft forever preferred_lft forever\n`;
  }
  if (l.kind === "loopback")
    out += "    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n";
  else out += `    inet6 ${linkLocal(l.mac)} scope link \n       valid_lft forever preferred_lft forever\n`;
  return out;
}

function routeLine(r: Route, f: IpFlavor): string {
  let s = r.dst;
  if (r.via) s += ` via ${r.via}`;
  s += ` dev ${r.dev}`;
  // busybox leaves out `proto kernel` and pads before src with two spaces.
  if (f === "busybox")
    return `${s}${r.scope ? ` scope ${r.scope} ` : ""}${r.src && r.scope ? ` src ${r.src}` : ""} \n`;
  if (r.proto) s += ` proto ${r.proto}`;
  if (r.scope) s += ` scope ${r.scope}`;
  if (r.src) s += ` src ${r.src}`;
  if (r.metric !== undefined) s += ` metric ${r.metric}`;
  if (r.onlink) s += " onlink";
  return `${s} \n`;
}

function routeKey(r: Route): number {
  return r.dst === "default" ? -1 : (parseIPv4(r.dst.split("/")[0]) ?? 0);
}

const ok = (stdout: string): CommandOutput => ({ stdout, stderr: "", exitCode: 0 });

function pick(stack: NetStack, dev: string | undefined): Link[] | CommandOutput {
  if (!dev) return stack.links;
  const l = stack.link(dev);
  if (!l) return { stdout: "", stderr: `Device "${dev}" does not exist.\n`, exitCode: 1 };
  return [l];
}

/** Run `ip` (addr, link, route) against one namespace; `ip netns` is the caller's. */
export function runIp(stack: NetStack, args: string[], f: IpFlavor = "iproute2"): CommandOutput {
  const words = args.filter((a) => a !== "-4");
  const [obj = "", verb = "show", ...rest] = words;
  const dev = rest[0] === "dev" ? rest[1] : verb === "show" || verb === "list" ? rest[0] : verb;
  if ("address".startsWith(obj) && obj.length > 0 && obj !== "") {
    const links = pick(stack, ["show", "list"].includes(verb) ? dev : verb === "dev" ? rest[0] : undefined);
    if (!Array.isArray(links)) return links;
    return ok(links.map((l) => header(l, false, f) + linkLine(l, f) + addrLines(l)).join(""));
  }
  if ("link".startsWith(obj) && obj.length > 0) {
    const links = pick(stack, ["show", "list"].includes(verb) ? dev : verb === "dev" ? rest[0] : undefined);
    if (!Array.isArray(links)) return links;
    return ok(links.map((l) => header(l, true, f) + linkLine(l, f)).join(""));
  }
  if ("route".startsWith(obj) && obj.length > 0) {
    if (verb === "get" && rest[0]) {
      const r = stack.lookup(rest[0]);
      if (!r) return { stdout: "", stderr: "RTNETLINK answers: Network is unreachable\n", exitCode: 2 };
      const src = r.src ?? stack.primaryAddress();
      return ok(`${rest[0]} ${r.via ? `via ${r.via} ` : ""}dev ${r.dev} src ${src} uid 0 \n    cache \n`);
    }
    return ok(
      [...stack.routes]
        .sort((a, b) => routeKey(a) - routeKey(b))
        .map((r) => routeLine(r, f))
        .join(""),
    );
  }
  if (obj === "")
    return {
      stdout: "",
      stderr:
        "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | link | netns | route | ... }\n",
      exitCode: 255,
    };
  return { stdout: "", stderr: `Object "${obj}" is unknown, try "ip help".\n`, exitCode: 255 };
}
