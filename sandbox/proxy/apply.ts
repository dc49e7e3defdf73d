// Program a node's iptables the way kube-proxy does: canary chains, ensured jumps, then iptables-restore --noflush.
import { findRule, insertRule, newChain, restoreTable, useTable } from "../node/iptables/model.ts";
import type { ChainSpec, Iptables, Rule, Table, TableName } from "../node/iptables/types.ts";
import { isServiceChain } from "./chain-names.ts";
import { CANARY_CHAIN, type JumpRule, type ProxyRules } from "./sync.ts";

function ensureChain(ipt: Iptables, table: TableName, chain: string): void {
  const t = useTable(ipt, table);
  if (!t.chains.has(chain)) newChain(t, chain);
}

/** The rules of some chains as one step left them: the chains' names and their stored rule objects. */
interface Snapshot {
  names: string[];
  rules: Rule[][];
}

function snapshot(table: Table, names: string[]): Snapshot {
  return { names, rules: names.map((name) => table.chains.get(name)!.rules.slice()) };
}

// Same rule objects means no rule was added, removed, replaced or renamed since (the model never edits a
// stored rule's specification in place; only its counters move).
function intact(table: Table, snap: Snapshot | undefined, zeroCounters: boolean): boolean {
  if (!snap) return false;
  for (let i = 0; i < snap.names.length; i++) {
    const chain = table.chains.get(snap.names[i]);
    const then = snap.rules[i];
    if (!chain || chain.rules.length !== then.length) return false;
    if (zeroCounters && (chain.policyCounters.packets !== 0 || chain.policyCounters.bytes !== 0))
      return false;
    for (let j = 0; j < then.length; j++) {
      const rule = chain.rules[j];
      if (rule !== then[j]) return false;
      if (zeroCounters && (rule.counters.packets !== 0 || rule.counters.bytes !== 0)) return false;
    }
  }
  return true;
}

/** What the last jump pass left, and per restored chain its source rules and the copies stored from them. */
interface Written {
  jumps?: { list: JumpRule[]; filter: Snapshot; nat: Snapshot };
  filter: Map<string, { sources: Rule[]; stored: Rule[] }>;
  nat: Map<string, { sources: Rule[]; stored: Rule[] }>;
}

const written = new WeakMap<Iptables, Written>();

const jumpChains = new WeakMap<JumpRule[], { filter: string[]; nat: string[] }>();

function chainsOf(jumps: JumpRule[]): { filter: string[]; nat: string[] } {
  let chains = jumpChains.get(jumps);
  if (!chains) {
    const of = (t: JumpRule["table"]) => [...new Set(jumps.filter((j) => j.table === t).map((j) => j.chain))];
    chains = { filter: of("filter"), nat: of("nat") };
    jumpChains.set(jumps, chains);
  }
  return chains;
}

function ensureJumps(ipt: Iptables, jumps: JumpRule[], w: Written): void {
  for (const jump of jumps) {
    if (jump.rule.target.kind === "chain") ensureChain(ipt, jump.table, jump.rule.target.name);
  }
  const filter = useTable(ipt, "filter");
  const nat = useTable(ipt, "nat");
  // Every jump was present after the last pass; if those chains hold the same rules, they still are.
  if (w.jumps?.list === jumps && intact(filter, w.jumps.filter, false) && intact(nat, w.jumps.nat, false))
    return;
  for (const jump of jumps) {
    const table = jump.table === "nat" ? nat : filter;
    if (findRule(table, jump.chain, jump.rule) < 0) insertRule(table, jump.chain, jump.rule, 1);
  }
  const chains = chainsOf(jumps);
  w.jumps = { list: jumps, filter: snapshot(filter, chains.filter), nat: snapshot(nat, chains.nat) };
}

function sameRules(a: Rule[], b: Rule[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// Refilling a user chain that still holds the copies stored from the same rules, all counters at zero,
// would only replace objects by equal ones.
function unchanged(
  table: Table,
  spec: ChainSpec,
  last: { sources: Rule[]; stored: Rule[] } | undefined,
): boolean {
  if (
    !last ||
    spec.policy !== undefined ||
    (last.sources !== spec.rules && !sameRules(last.sources, spec.rules))
  )
    return false;
  const chain = table.chains.get(spec.name);
  return (
    !!chain && chain.policy === undefined && intact(table, { names: [spec.name], rules: [last.stored] }, true)
  );
}

// iptables-restore --noflush leaves undeclared chains alone, so restoring only the chains whose content
// would change (and deleting the stale ones) ends in the same state as restoring them all.
function restore(
  ipt: Iptables,
  name: "filter" | "nat",
  specs: ChainSpec[],
  stale: string[],
  w: Written,
): void {
  const table = useTable(ipt, name);
  const last = w[name];
  const changed = specs.filter((spec) => !unchanged(table, spec, last.get(spec.name)));
  if (changed.length === 0 && stale.length === 0) return;
  restoreTable(ipt, name, changed, { noflush: true, deleteChains: stale });
  for (const chain of stale) last.delete(chain);
  for (const spec of changed)
    last.set(spec.name, { sources: spec.rules, stored: table.chains.get(spec.name)!.rules.slice() });
}

const wantedNames = new WeakMap<ChainSpec[], Set<string>>();

function staleChains(table: Table, nat: ChainSpec[]): string[] {
  let wanted = wantedNames.get(nat);
  if (!wanted) {
    wanted = new Set(nat.map((c) => c.name));
    wantedNames.set(nat, wanted);
  }
  const stale: string[] = [];
  for (const name of table.chains.keys()) if (isServiceChain(name) && !wanted.has(name)) stale.push(name);
  return stale;
}

/**
 * Write one sync's rules into a node's iptables: create the canary chains, ensure each jump rule
 * (prepending it when missing, like EnsureRule), restore the filter and nat chains, and delete
 * service and endpoint chains that are no longer in use. Rule counters in restored chains restart at 0.
 */
export function applyProxyRules(ipt: Iptables, rules: ProxyRules): void {
  for (const table of ["mangle", "nat", "filter"] as const) ensureChain(ipt, table, CANARY_CHAIN);
  let w = written.get(ipt);
  if (!w) {
    w = { filter: new Map(), nat: new Map() };
    written.set(ipt, w);
  }
  ensureJumps(ipt, rules.jumps, w);
  restore(ipt, "filter", rules.filter, [], w);
  restore(ipt, "nat", rules.nat, staleChains(useTable(ipt, "nat"), rules.nat), w);
}
