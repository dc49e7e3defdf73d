// Walk a packet through iptables chains, recording every rule that matched and what it decided.
// The model evaluates each packet afresh: conntrack is not modelled, so the caller supplies the
// connection state (`ctstate`) and real iptables would run the nat table only for a connection's first packet.
import { cidrContains, PROBABILITY_SCALE, parseIPv4 } from "./addr.ts";
import { isBuiltin, useTable, ZERO_COUNTERS } from "./model.ts";
import { ruleSaveLine } from "./rule-text.ts";
import {
  type Chain,
  type Iptables,
  type Match,
  PROTOCOLS,
  type Rule,
  type Table,
  type TableName,
} from "./types.ts";

export interface Packet {
  proto: "tcp" | "udp" | "icmp" | number;
  src: string;
  dst: string;
  sport?: number;
  dport?: number;
  inIface?: string;
  outIface?: string;
  mark?: number;
  /** Bytes added to the byte counters (default 60, a TCP SYN). */
  length?: number;
  /** Conntrack states the packet has (default NEW). */
  ctstate?: string[];
}

export interface EvalContext {
  /** Uniform random number in [0, 1), used by `-m statistic --mode random`. */
  random: () => number;
  /** Addresses that `-m addrtype LOCAL` treats as this node's (127.0.0.0/8 is always local). */
  localAddresses: string[];
  /** Source address MASQUERADE rewrites to; without it the source is left unchanged. */
  masqueradeAddress?: string;
}

export type Action =
  | "continue"
  | "jump"
  | "goto"
  | "return"
  | "accept"
  | "drop"
  | "reject"
  | "mark"
  | "dnat"
  | "snat"
  | "masquerade";

/** One rule that matched: where it is, its iptables-save text, and what it did. */
export interface TraceStep {
  table: TableName;
  chain: string;
  /** 1-based rule number, as `--line-numbers` shows it. */
  ruleNumber: number;
  rule: string;
  action: Action;
}

export interface EvalResult {
  verdict: "ACCEPT" | "DROP" | "REJECT";
  /** The rule that decided, or the built-in chain whose policy did. */
  decidedBy: TraceStep | { table: TableName; chain: string; policy: "ACCEPT" | "DROP" };
  steps: TraceStep[];
  /** The packet after DNAT/SNAT/MASQUERADE/MARK rewrites. */
  packet: Packet;
  dnat?: string;
  snat?: string;
  masquerade?: boolean;
}

const MAX_STEPS = 100_000;

function protoNumber(p: Packet["proto"]): number {
  return typeof p === "number" ? p : PROTOCOLS[p];
}

function ifaceMatches(
  spec: { name: string; invert: boolean } | undefined,
  name: string | undefined,
): boolean {
  if (!spec) return true;
  const hit =
    name !== undefined &&
    (spec.name.endsWith("+") ? name.startsWith(spec.name.slice(0, -1)) : name === spec.name);
  return hit !== spec.invert;
}

function addrType(ip: string, ctx: EvalContext): string {
  const n = parseIPv4(ip) ?? 0;
  if (n >>> 24 === 127 || ctx.localAddresses.includes(ip)) return "LOCAL";
  if (n === 0xffffffff) return "BROADCAST";
  if (n >>> 28 === 14) return "MULTICAST";
  return "UNICAST";
}

function matchOne(m: Match, pkt: Packet, ctx: EvalContext): boolean {
  switch (m.kind) {
    case "comment":
      return true;
    case "tcp":
    case "udp": {
      if (protoNumber(pkt.proto) !== PROTOCOLS[m.kind]) return false;
      const inRange = (p: typeof m.sport, v: number | undefined) =>
        !p || (v !== undefined && v >= p.from && v <= p.to) !== p.invert;
      return inRange(m.sport, pkt.sport) && inRange(m.dport, pkt.dport);
    }
    case "addrtype": {
      const test = (t: typeof m.src, ip: string) => !t || t.types.includes(addrType(ip, ctx)) !== t.invert;
      return test(m.src, pkt.src) && test(m.dst, pkt.dst);
    }
    case "statistic":
      // Kernel: (random u32 & 0x7fffffff) < stored probability. The nth mode is not modelled and never matches.
      if (m.mode !== "random") return m.invert;
      return Math.floor(ctx.random() * PROBABILITY_SCALE) < m.probability !== m.invert;
    case "mark":
      return (((pkt.mark ?? 0) & m.mask) >>> 0 === m.value) !== m.invert;
    case "conntrack": {
      const states = pkt.ctstate ?? ["NEW"];
      return m.states.some((s) => states.includes(s)) !== m.invert;
    }
  }
}

/** Report whether a rule matches a packet (counters untouched; statistic matches draw randomness). */
export function ruleMatches(rule: Rule, pkt: Packet, ctx: EvalContext): boolean {
  if (rule.proto && rule.proto.num !== 0 && (protoNumber(pkt.proto) === rule.proto.num) === rule.proto.invert)
    return false;
  const { src, dst } = rule;
  if (src && cidrContains(src, parseIPv4(pkt.src) ?? 0) === src.invert) return false;
  if (dst && cidrContains(dst, parseIPv4(pkt.dst) ?? 0) === dst.invert) return false;
  if (!ifaceMatches(rule.inIface, pkt.inIface) || !ifaceMatches(rule.outIface, pkt.outIface)) return false;
  for (const m of rule.matches) if (!matchOne(m, pkt, ctx)) return false;
  return true;
}

function rewriteDestination(pkt: Packet, to: string): Packet {
  const [ip, port] = to.split(":");
  return { ...pkt, dst: ip, dport: port ? Number(port.split("-")[0]) : pkt.dport };
}

/** Traverse one table from a built-in chain, following jumps and returns, and count matched rules. */
export function traverse(table: Table, hook: string, packet: Packet, ctx: EvalContext): EvalResult {
  if (!isBuiltin(table, hook)) throw new Error(`${hook} is not a built-in chain of ${table.name}`);
  let pkt = { ...packet };
  const steps: TraceStep[] = [];
  const stack = [{ chain: hook, index: 0 }];
  const finish = (
    verdict: EvalResult["verdict"],
    decidedBy: EvalResult["decidedBy"],
    extra: Partial<EvalResult> = {},
  ) => ({ verdict, decidedBy, steps, packet: pkt, ...extra });
  for (let n = 0; n < MAX_STEPS; n++) {
    const frame = stack[stack.length - 1];
    const chain = table.chains.get(frame.chain)!;
    if (frame.index >= chain.rules.length) {
      if (stack.length > 1) {
        stack.pop();
        continue;
      }
      countPolicy(chain, pkt.length ?? 60);
      return finish(chain.policy!, { table: table.name, chain: chain.name, policy: chain.policy! });
    }
    const rule = chain.rules[frame.index];
    const ruleNumber = ++frame.index;
    if (!ruleMatches(rule, pkt, ctx)) continue;
    if (rule.counters === ZERO_COUNTERS) rule.counters = { packets: 0, bytes: 0 };
    rule.counters.packets++;
    rule.counters.bytes += pkt.length ?? 60;
    const step: TraceStep = {
      table: table.name,
      chain: chain.name,
      ruleNumber,
      rule: ruleSaveLine(chain.name, rule),
      action: "continue",
    };
    steps.push(step);
    const t = rule.target;
    if (t.kind === "none") continue;
    if (t.kind === "chain") {
      step.action = t.goto ? "goto" : "jump";
      if (t.goto) stack[stack.length - 1] = { chain: t.name, index: 0 };
      else stack.push({ chain: t.name, index: 0 });
    } else if (t.kind === "MARK") {
      step.action = "mark";
      pkt = { ...pkt, mark: (((pkt.mark ?? 0) & ~t.mask) ^ t.value) >>> 0 };
    } else if (t.kind === "verdict" && t.name === "RETURN") {
      step.action = "return";
      if (stack.length === 1) {
        countPolicy(chain, pkt.length ?? 60);
        return finish(chain.policy!, { table: table.name, chain: chain.name, policy: chain.policy! });
      }
      stack.pop();
    } else if (t.kind === "verdict") {
      step.action = t.name === "ACCEPT" ? "accept" : "drop";
      return finish(t.name === "ACCEPT" ? "ACCEPT" : "DROP", step);
    } else if (t.kind === "REJECT") {
      step.action = "reject";
      return finish("REJECT", step);
    } else if (t.kind === "DNAT") {
      step.action = "dnat";
      pkt = rewriteDestination(pkt, t.to);
      return finish("ACCEPT", step, { dnat: t.to });
    } else if (t.kind === "SNAT") {
      step.action = "snat";
      pkt = { ...pkt, src: t.to.split(":")[0] };
      return finish("ACCEPT", step, { snat: t.to });
    } else {
      step.action = "masquerade";
      if (ctx.masqueradeAddress) pkt = { ...pkt, src: ctx.masqueradeAddress };
      return finish("ACCEPT", step, { masquerade: true });
    }
  }
  throw new Error(`iptables traversal of ${table.name}/${hook} did not finish (rule loop?)`);
}

// Tables each netfilter hook visits, in priority order.
const HOOK_TABLES: Record<string, TableName[]> = {
  PREROUTING: ["raw", "mangle", "nat"],
  INPUT: ["mangle", "filter", "nat"],
  FORWARD: ["mangle", "filter"],
  OUTPUT: ["raw", "mangle", "nat", "filter"],
  POSTROUTING: ["mangle", "nat"],
};

/** Run a packet through every loaded table at one netfilter hook, stopping at the first DROP or REJECT. */
export function traverseHook(ipt: Iptables, hook: string, packet: Packet, ctx: EvalContext): EvalResult[] {
  const results: EvalResult[] = [];
  let pkt = packet;
  for (const name of HOOK_TABLES[hook] ?? []) {
    if (!ipt.tables.has(name)) continue;
    const result = traverse(useTable(ipt, name), hook, pkt, ctx);
    results.push(result);
    pkt = result.packet;
    if (result.verdict !== "ACCEPT") break;
  }
  return results;
}

// Count a packet against a chain's policy; a chain nothing has reached yet shares the zero counters.
function countPolicy(chain: Chain, bytes: number): void {
  if (chain.policyCounters === ZERO_COUNTERS) chain.policyCounters = { packets: 0, bytes: 0 };
  chain.policyCounters.packets++;
  chain.policyCounters.bytes += bytes;
}
