// The data shapes of the iptables model: tables, chains, rules, matches and targets.
import type { Cidr } from "./addr.ts";

/** The IPv4 tables the model knows (`security` is not modelled). */
export type TableName = "filter" | "nat" | "mangle" | "raw";

export const TABLE_NAMES: readonly TableName[] = ["filter", "nat", "mangle", "raw"];

/** Built-in chains of each table, in the order iptables lists them. */
export const BUILTIN_CHAINS: Record<TableName, readonly string[]> = {
  filter: ["INPUT", "FORWARD", "OUTPUT"],
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
  mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
  raw: ["PREROUTING", "OUTPUT"],
};

export type Policy = "ACCEPT" | "DROP";

export interface Counters {
  packets: number;
  bytes: number;
}

/** A port or port range, optionally negated (`--dport ! 80` / `! --dport 80`). */
export interface PortMatch {
  from: number;
  to: number;
  invert: boolean;
}

/** The address types `-m addrtype` understands that the model evaluates (others never match). */
export interface AddrTypeMatch {
  types: string[];
  invert: boolean;
}

export type Match =
  | { kind: "comment"; text: string }
  | { kind: "tcp" | "udp"; sport?: PortMatch; dport?: PortMatch }
  | { kind: "addrtype"; src?: AddrTypeMatch; dst?: AddrTypeMatch }
  | { kind: "statistic"; mode: "random"; probability: number; invert: boolean }
  | { kind: "statistic"; mode: "nth"; every: number; packet: number; invert: boolean }
  | { kind: "mark"; value: number; mask: number; invert: boolean }
  | { kind: "conntrack"; states: string[]; invert: boolean };

export type Target =
  | { kind: "none" }
  | { kind: "verdict"; name: "ACCEPT" | "DROP" | "RETURN" }
  | { kind: "chain"; name: string; goto: boolean }
  | { kind: "DNAT"; to: string }
  | { kind: "SNAT"; to: string; randomFully: boolean }
  | { kind: "MASQUERADE"; random: boolean; randomFully: boolean }
  | { kind: "MARK"; value: number; mask: number }
  | { kind: "REJECT"; rejectWith: string };

/** One rule; `probability` in statistic matches is the kernel's stored value (see addr.ts). */
export interface Rule {
  src?: Cidr & { invert: boolean };
  dst?: Cidr & { invert: boolean };
  inIface?: { name: string; invert: boolean };
  outIface?: { name: string; invert: boolean };
  proto?: { num: number; invert: boolean };
  matches: Match[];
  target: Target;
  counters: Counters;
}

export interface Chain {
  name: string;
  /** Built-in chains have a policy; user chains do not. */
  policy?: Policy;
  policyCounters: Counters;
  rules: Rule[];
}

export interface Table {
  name: TableName;
  chains: Map<string, Chain>;
}

/** The iptables state of one network namespace. */
export interface Iptables {
  tables: Map<TableName, Table>;
  /** Tables in the order they were first used; legacy iptables-save lists the newest first. */
  loadOrder: TableName[];
}

/** A chain as written by iptables-restore: its name, an optional policy, and its rules. */
export interface ChainSpec {
  name: string;
  policy?: Policy;
  rules: Rule[];
}

/** Protocol numbers iptables knows by name (getprotobynumber on a Debian node). */
export const PROTOCOLS: Record<string, number> = { all: 0, icmp: 1, tcp: 6, udp: 17, sctp: 132 };

/** Conntrack states in the order libxt_conntrack prints them. */
export const CT_STATES = ["INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED", "SNAT", "DNAT"] as const;
