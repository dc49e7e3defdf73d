// Program a node's iptables the way kube-proxy does: canary chains, ensured jumps, then iptables-restore --noflush.
import { findRule, insertRule, newChain, restoreTable, useTable } from "../node/iptables/model.ts";
import type { Iptables, TableName } from "../node/iptables/types.ts";
import { isServiceChain } from "./chain-names.ts";
import { CANARY_CHAIN, type ProxyRules } from "./sync.ts";

function ensureChain(ipt: Iptables, table: TableName, chain: string): void {
  const t = useTable(ipt, table);
  if (!t.chains.has(chain)) newChain(t, chain);
}

/**
 * Write one sync's rules into a node's iptables: create the canary chains, ensure each jump rule
 * (prepending it when missing, like EnsureRule), restore the filter and nat chains, and delete
 * service and endpoint chains that are no longer in use. Rule counters in restored chains restart at 0.
 */
export function applyProxyRules(ipt: Iptables, rules: ProxyRules): void {
  for (const table of ["mangle", "nat", "filter"] as const) ensureChain(ipt, table, CANARY_CHAIN);
  for (const jump of rules.jumps) {
    if (jump.rule.target.kind === "chain") ensureChain(ipt, jump.table, jump.rule.target.name);
    const table = useTable(ipt, jump.table);
    if (findRule(table, jump.chain, jump.rule) < 0) insertRule(table, jump.chain, jump.rule, 1);
  }
  restoreTable(ipt, "filter", rules.filter, { noflush: true });
  const wanted = new Set(rules.nat.map((c) => c.name));
  const stale = [...useTable(ipt, "nat").chains.keys()].filter(
    (name) => isServiceChain(name) && !wanted.has(name),
  );
  restoreTable(ipt, "nat", rules.nat, { noflush: true, deleteChains: stale });
}
