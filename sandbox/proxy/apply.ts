// Program a node's iptables the way kube-proxy does: canary chains, ensured jumps, then iptables-restore --noflush.
import { insertRule, newChain, restoreTable, useTable } from "../node/iptables/model.ts";
import { ruleSpecText } from "../node/iptables/rule-text.ts";
import type { Chain, ChainSpec, Iptables, Rule, Table, TableName } from "../node/iptables/types.ts";
import { isServiceChain } from "./chain-names.ts";
import { CANARY_CHAIN, type JumpRule, type ProxyRules } from "./sync.ts";
import { holds, restoresUnchanged, type WrittenChain } from "./unchanged.ts";

function ensureChain(ipt: Iptables, table: TableName, chain: string): void {
  const t = useTable(ipt, table);
  if (!t.chains.has(chain)) newChain(t, chain);
}

/** A jump pass: the jumps, the stored rule each one matched, and the built-in chains' rules afterwards. */
interface JumpPass {
  list: JumpRule[];
  found: Rule[];
  chains: { table: Table; name: string; stored: Rule[] }[];
}

/** What the last jump pass left in the built-in chains, and what each restored chain was written from. */
interface Written {
  jumps?: JumpPass;
  filter: Map<string, WrittenChain>;
  nat: Map<string, WrittenChain>;
}

const written = new WeakMap<Iptables, Written>();

function ensureJumps(ipt: Iptables, jumps: JumpRule[], w: Written): void {
  for (const jump of jumps) {
    if (jump.rule.target.kind === "chain") ensureChain(ipt, jump.table, jump.rule.target.name);
  }
  // Every jump was present after the last pass; if those chains hold the same rules, they still are.
  const last = w.jumps?.list === jumps ? w.jumps : undefined;
  if (last?.chains.every((c) => holds(c.table.chains.get(c.name), c.stored, false))) return;
  // Like EnsureRule (iptables -C, then -I when missing). The rule a jump matched last time, if still in its
  // chain, matches it again; other jumps compare rule texts, gathered once per chain.
  const found: Rule[] = [];
  const texts = new Map<Chain, Map<string, Rule>>();
  const chains = new Map<string, { table: Table; name: string }>();
  for (let i = 0; i < jumps.length; i++) {
    const jump = jumps[i];
    const table = useTable(ipt, jump.table);
    const chain = table.chains.get(jump.chain)!;
    chains.set(`${jump.table} ${jump.chain}`, { table, name: jump.chain });
    const before = last?.found[i];
    if (before && chain.rules.includes(before)) {
      found.push(before);
      continue;
    }
    let present = texts.get(chain);
    if (!present) {
      present = new Map();
      for (const rule of chain.rules) {
        const text = ruleSpecText(rule);
        if (!present.has(text)) present.set(text, rule);
      }
      texts.set(chain, present);
    }
    const text = ruleSpecText(jump.rule);
    let match = present.get(text);
    if (!match) {
      insertRule(table, jump.chain, jump.rule, 1);
      match = chain.rules[0];
      present.set(text, match);
    }
    found.push(match);
  }
  w.jumps = {
    list: jumps,
    found,
    chains: [...chains.values()].map(({ table, name }) => ({
      table,
      name,
      stored: table.chains.get(name)!.rules.slice(),
    })),
  };
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
  const changed = specs.filter((spec) => !restoresUnchanged(table, spec, last.get(spec.name)));
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
