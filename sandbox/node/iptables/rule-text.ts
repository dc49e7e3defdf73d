// Text of one rule: the canonical iptables-save form, and the match/target text `iptables -L` appends.
import { formatIPv4, formatProbability, saveMaskSuffix } from "./addr.ts";
import { type Match, PROTOCOLS, type Rule, type Target } from "./types.ts";

/** Look up a service name for a port (getservbyport); undefined keeps the number. */
export type ServiceNames = (port: number, proto: "tcp" | "udp") => string | undefined;

// The /etc/services entries of a Debian/Ubuntu node (netbase) that a lesson is likely to meet.
const SERVICES: Record<string, string> = {
  "20": "ftp-data",
  "21": "ftp",
  "22": "ssh",
  "23": "telnet",
  "25": "smtp",
  "53": "domain",
  "80": "http",
  "110": "pop3",
  "143": "imap2",
  "389": "ldap",
  "443": "https",
  "587": "submission",
  "993": "imaps",
  "995": "pop3s",
  "3306": "mysql",
  "5432": "postgresql",
  "8080": "http-alt",
};
const UDP_ONLY: Record<string, string> = {
  "67": "bootps",
  "68": "bootpc",
  "69": "tftp",
  "123": "ntp",
  "161": "snmp",
};

/** Name a port like a Debian node's /etc/services does, for `iptables -L` without -n. */
export const defaultServiceNames: ServiceNames = (port, proto) =>
  SERVICES[String(port)] ?? (proto === "udp" ? UDP_ONLY[String(port)] : undefined);

/** Name a protocol number as getprotobynumber does; undefined for unknown numbers. */
export function protocolName(num: number): string | undefined {
  return Object.keys(PROTOCOLS).find((name) => PROTOCOLS[name] === num);
}

/** Quote a string argument like xtables_save_string: bare when only [A-Za-z0-9_-], else "escaped". */
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return value;
  return `"${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

function hex(value: number): string {
  return `0x${(value >>> 0).toString(16)}`;
}

function saveMatch(match: Match): string {
  switch (match.kind) {
    case "comment":
      return ` --comment ${saveString(match.text)}`;
    case "tcp":
    case "udp": {
      let out = "";
      for (const [flag, port] of [
        ["--sport", match.sport],
        ["--dport", match.dport],
      ] as const) {
        if (!port) continue;
        const range = port.from === port.to ? `${port.from}` : `${port.from}:${port.to}`;
        out += `${port.invert ? " !" : ""} ${flag} ${range}`;
      }
      return out;
    }
    case "addrtype": {
      let out = "";
      if (match.src) out += `${match.src.invert ? " !" : ""} --src-type ${match.src.types.join(",")}`;
      if (match.dst) out += `${match.dst.invert ? " !" : ""} --dst-type ${match.dst.types.join(",")}`;
      return out;
    }
    case "statistic":
      if (match.mode === "random") {
        return ` --mode random${match.invert ? " !" : ""} --probability ${formatProbability(match.probability)}`;
      }
      return ` --mode nth${match.invert ? " !" : ""} --every ${match.every}${match.packet ? ` --packet ${match.packet}` : ""}`;
    case "mark":
      return `${match.invert ? " !" : ""} --mark ${hex(match.value)}${match.mask >>> 0 === 0xffffffff ? "" : `/${hex(match.mask)}`}`;
    case "conntrack":
      return `${match.invert ? " !" : ""} --ctstate ${match.states.join(",")}`;
  }
}

function saveTarget(target: Target): string {
  switch (target.kind) {
    case "none":
      return "";
    case "verdict":
      return ` -j ${target.name}`;
    case "chain":
      return ` -${target.goto ? "g" : "j"} ${target.name}`;
    case "DNAT":
      return ` -j DNAT --to-destination ${target.to}`;
    case "SNAT":
      return ` -j SNAT --to-source ${target.to}${target.randomFully ? " --random-fully" : ""}`;
    case "MASQUERADE":
      return ` -j MASQUERADE${target.random ? " --random" : ""}${target.randomFully ? " --random-fully" : ""}`;
    case "MARK":
      return ` -j MARK --set-xmark ${hex(target.value)}/${hex(target.mask)}`;
    case "REJECT":
      return ` -j REJECT --reject-with ${target.rejectWith}`;
  }
}

/** Render a rule's specification in iptables-save order: -s, -d, -i, -o, -p, matches, target. */
export function ruleSpecText(rule: Rule): string {
  // Keyed by identity: a rule's specification never changes once built (renames replace the rule; only
  // its counters move), and kube-proxy compares its jumps with every stored rule on each sync.
  let text = specTexts.get(rule);
  if (text === undefined) {
    text = specText(rule);
    specTexts.set(rule, text);
  }
  return text;
}

const specTexts = new WeakMap<Rule, string>();

function specText(rule: Rule): string {
  let out = "";
  if (rule.src)
    out += `${rule.src.invert ? " !" : ""} -s ${formatIPv4(rule.src.addr)}${saveMaskSuffix(rule.src.mask)}`;
  if (rule.dst)
    out += `${rule.dst.invert ? " !" : ""} -d ${formatIPv4(rule.dst.addr)}${saveMaskSuffix(rule.dst.mask)}`;
  if (rule.inIface) out += `${rule.inIface.invert ? " !" : ""} -i ${rule.inIface.name}`;
  if (rule.outIface) out += `${rule.outIface.invert ? " !" : ""} -o ${rule.outIface.name}`;
  if (rule.proto) {
    out += `${rule.proto.invert ? " !" : ""} -p ${protocolName(rule.proto.num) ?? rule.proto.num}`;
  }
  for (const match of rule.matches) out += ` -m ${match.kind}${saveMatch(match)}`;
  return out + saveTarget(rule.target);
}

/** Render one `-A` line exactly as iptables-save prints it. */
export function ruleSaveLine(chain: string, rule: Rule): string {
  return `-A ${chain}${ruleSpecText(rule)}`;
}

function listPorts(
  label: string,
  port: PortLike | undefined,
  proto: "tcp" | "udp",
  numeric: boolean,
  names: ServiceNames,
): string {
  if (!port) return "";
  const name = (p: number) => (numeric ? undefined : names(p, proto)) ?? String(p);
  const inv = port.invert ? "!" : "";
  if (port.from === port.to) return ` ${label}:${inv}${name(port.from)}`;
  return ` ${label}s:${inv}${name(port.from)}:${name(port.to)}`;
}
type PortLike = { from: number; to: number; invert: boolean };

function listMatch(match: Match, numeric: boolean, names: ServiceNames): string {
  switch (match.kind) {
    case "comment":
      return ` /* ${match.text} */`;
    case "tcp":
    case "udp":
      return ` ${match.kind}${listPorts("spt", match.sport, match.kind, numeric, names)}${listPorts("dpt", match.dport, match.kind, numeric, names)}`;
    case "addrtype": {
      let out = " ADDRTYPE match";
      if (match.src) out += ` src-type ${match.src.invert ? "!" : ""}${match.src.types.join(",")}`;
      if (match.dst) out += ` dst-type ${match.dst.invert ? "!" : ""}${match.dst.types.join(",")}`;
      return out;
    }
    case "statistic":
      if (match.mode === "random") {
        return ` statistic mode random${match.invert ? " !" : ""} probability ${formatProbability(match.probability)}`;
      }
      return ` statistic mode nth${match.invert ? " !" : ""} every ${match.every}${match.packet ? ` packet ${match.packet}` : ""}`;
    case "mark":
      return ` mark match${match.invert ? " !" : ""} ${hex(match.value)}${match.mask >>> 0 === 0xffffffff ? "" : `/${hex(match.mask)}`}`;
    case "conntrack":
      return `${match.invert ? " !" : ""} ctstate ${match.states.join(",")}`;
  }
}

function listTarget(target: Target): string {
  switch (target.kind) {
    case "DNAT":
      return ` to:${target.to}`;
    case "SNAT":
      return ` to:${target.to}${target.randomFully ? " random-fully" : ""}`;
    case "MASQUERADE":
      return `${target.random ? " random" : ""}${target.randomFully ? " random-fully" : ""}`;
    case "REJECT":
      return ` reject-with ${target.rejectWith}`;
    case "MARK": {
      const { value, mask } = target;
      if (value === 0) return ` MARK and ${hex(~mask)}`;
      if (value === mask) return ` MARK or ${hex(value)}`;
      if (mask === 0) return ` MARK xor ${hex(value)}`;
      if (mask >>> 0 === 0xffffffff) return ` MARK set ${hex(value)}`;
      return ` MARK xset ${hex(value)}/${hex(mask)}`;
    }
    default:
      return "";
  }
}

/** Render what `iptables -L` prints after the destination column: matches, then the target's options. */
export function ruleListExtras(
  rule: Rule,
  numeric: boolean,
  names: ServiceNames = defaultServiceNames,
): string {
  const goto = rule.target.kind === "chain" && rule.target.goto ? "[goto] " : "";
  return goto + rule.matches.map((m) => listMatch(m, numeric, names)).join("") + listTarget(rule.target);
}

/** Name the target column of `iptables -L` (empty when the rule has no target). */
export function targetName(target: Target): string {
  switch (target.kind) {
    case "none":
      return "";
    case "verdict":
    case "chain":
      return target.name;
    default:
      return target.kind;
  }
}
