// Program a node's iptables the way kube-proxy does: canary chains, ensured jumps, then iptables-restore --noflush.
import { insertRule, newChain, restoreTable, useTable } from "../node/iptables/model.ts";
import { ruleSpecText } from "../node/iptables/rule-text.ts";
import type { ChainSpec, Iptables, Rule, Table, TableName } from "../node/iptables/types.ts";
import { isServiceChain } from "./chain-names.ts";
import { CANARY_CHAIN, type JumpRule, type ProxyRules } from "./sync.ts";
import { holds, restoresUnchanged, type WrittenChain } from "./unchanged.ts";

function ensureChain(ipt: Iptables, table: TableName, chain: string): void {
  const t = useTable(ipt, table);
  if (!t.chains.has(chain)) newChain(t, chain);
}

/** What the last jump pass left in the built-in chains, and what each restored chain was written from. */
interface Written {
  jumps?: { list: JumpRule[]; chains: { table: Table; name: string; stored: Rule[] }[] };
  filter: Map<string, WrittenChain>;
  nat: Map<string, WrittenChain>;
}

const written = new WeakMap<Iptables, Written>();

function ensureJumps(ipt: Iptables, jumps: JumpRule[], w: Written): void {
  for (const jump of jumps) {
    if (jump.rule.target.kind === "chain") ensureChain(ipt, jump.table, jump.rule.target.name);
  }
  // Every jump was present after the last pass; if those chains hold the same rules, they still are.
  const last = w.jumps;
  if (last?.list === jumps && last.chains.every((c) => holds(c.table.chains.get(c.name), c.stored, false)))
    return;
  // Like EnsureRule (iptables -C, then -I when missing), with each chain's rule texts gathered once.
  const seen = new Map<string, { table: Table; name: string; texts: Set<string> }>();
  for (const jump of jumps) {
    const key = `${jump.table} ${jump.chain}`;
    let chain = seen.get(key);
    if (!chain) {
      const table = useTable(ipt, jump.table);
      chain = {
        table,
        name: jump.chain,
        texts: new Set(table.chains.get(jump.chain)!.rules.map(ruleSpecText)),
      };
      seen.set(key, chain);
    }
    const text = ruleSpecText(jump.rule);
    if (chain.texts.has(text)) continue;
    insertRule(chain.table, jump.chain, jump.rule, 1);
    chain.texts.add(text);
  }
  const chains = [...seen.values()].map(({ table, name }) => ({
    table,
    name,
    stored: table.chains.get(name)!.rules.slice(),
  }));
  w.jumps = { list: jumps, chains };
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
