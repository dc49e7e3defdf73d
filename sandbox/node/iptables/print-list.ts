// `iptables [-t table] -L [chain [rulenum]] [-n] [-v] [-x] [--line-numbers]`, laid out as iptables 1.8.9 does.
import { type Cidr, formatIPv4, listMaskSuffix } from "./addr.ts";
import { chainOrder, IptablesError, references } from "./model.ts";
import { protocolName, ruleListExtras, type ServiceNames, targetName } from "./rule-text.ts";
import type { Chain, Rule, Table } from "./types.ts";

export interface ListOptions {
  chain?: string;
  /** Print only this 1-based rule of the chain, without headers (`-L chain num`). */
  rulenum?: number;
  numeric?: boolean;
  verbose?: boolean;
  /** Exact counters (`-x`) instead of K/M/G abbreviations. */
  exact?: boolean;
  lineNumbers?: boolean;
  /** Reverse-resolve an address for listings without -n; undefined falls back to the number. */
  resolve?: (ip: string) => string | undefined;
  /** Port names for listings without -n (defaults to a Debian node's /etc/services). */
  services?: ServiceNames;
}

const left = (text: string, width: number) => text.padEnd(width, " ");
const right = (text: string, width: number) => text.padStart(width, " ");

/** Format a counter like xtables_print_num: K/M/G/T above 99999 unless exact, padded unless in a header. */
export function formatCount(value: number, exact: boolean, padded: boolean): string {
  if (exact) return padded ? `${right(String(value), 8)} ` : `${value} `;
  if (value <= 99999) return padded ? `${right(String(value), 5)} ` : `${value} `;
  let n = value;
  for (const unit of ["K", "M", "G"]) {
    n = Math.floor((n + 500) / 1000);
    if (n <= 9999) return padded ? `${right(String(n), 4)}${unit} ` : `${n}${unit} `;
  }
  n = Math.floor((n + 500) / 1000);
  return padded ? `${right(String(n), 4)}T ` : `${n}T `;
}

function header(table: Table, chain: Chain, o: ListOptions): string {
  let line = `Chain ${chain.name}`;
  if (chain.policy) {
    const counts = o.verbose
      ? ` ${formatCount(chain.policyCounters.packets, !!o.exact, false)}packets, ${formatCount(chain.policyCounters.bytes, !!o.exact, false)}bytes`
      : "";
    line += ` (policy ${chain.policy}${counts})`;
  } else line += ` (${references(table, chain.name)} references)`;
  let cols = o.lineNumbers ? "num  " : "";
  if (o.verbose) cols += o.exact ? `${right("pkts", 8)} ${right("bytes", 10)} ` : " pkts bytes ";
  cols += `${left("target", 9)}  prot opt`;
  if (o.verbose) cols += ` ${left("in", 6)} ${left("out", 6)} `;
  cols += ` ${left("source", 19)}  ${left("destination", 19)} `;
  return `${line}\n${cols}\n`;
}

function address(cidr: Cidr | undefined, o: ListOptions): string {
  if (!cidr || cidr.mask === 0) {
    if (!o.numeric) return "anywhere";
    return `${formatIPv4(cidr?.addr ?? 0)}/0`;
  }
  const ip = formatIPv4(cidr.addr);
  const name = o.numeric ? ip : (o.resolve?.(ip) ?? ip);
  return name + listMaskSuffix(cidr.mask);
}

function iface(spec: { name: string; invert: boolean } | undefined, numeric: boolean): string {
  if (!spec) return numeric ? "*" : "any";
  return (spec.invert ? "!" : "") + spec.name;
}

/** Render one rule line of `iptables -L`. */
export function listRuleLine(rule: Rule, num: number, o: ListOptions): string {
  let line = o.lineNumbers ? `${left(String(num), 4)} ` : "";
  if (o.verbose) {
    line +=
      formatCount(rule.counters.packets, !!o.exact, true) + formatCount(rule.counters.bytes, !!o.exact, true);
  }
  line += `${left(targetName(rule.target), 9)} `;
  const protoNum = rule.proto?.num ?? 0;
  const proto = o.numeric ? String(protoNum) : (protocolName(protoNum) ?? String(protoNum));
  line += `${rule.proto?.invert ? "!" : " "}${left(proto, 5)}-- `;
  if (o.verbose)
    line += ` ${left(iface(rule.inIface, !!o.numeric), 6)} ${left(iface(rule.outIface, !!o.numeric), 6)} `;
  line += `${rule.src?.invert ? "!" : " "}${left(address(rule.src, o), 19)} `;
  line += `${rule.dst?.invert ? "!" : " "}${left(address(rule.dst, o), 19)} `;
  return line + ruleListExtras(rule, !!o.numeric, o.services);
}

/** Render `iptables -L` output for a table, or throw the libiptc error for an unknown chain. */
export function listTable(table: Table, o: ListOptions = {}): string {
  const chains = chainOrder(table).filter((c) => o.chain === undefined || c.name === o.chain);
  if (chains.length === 0) throw new IptablesError("No chain/target/match by that name");
  const blocks = chains.map((chain) => {
    let out = o.rulenum ? "" : header(table, chain, o);
    chain.rules.forEach((rule, i) => {
      if (!o.rulenum || o.rulenum === i + 1) out += `${listRuleLine(rule, i + 1, o)}\n`;
    });
    return out;
  });
  return blocks.join("\n");
}
