// Recognise chains a kube-proxy sync would leave as they are, by the identity of their stored rules.
import type { Chain, ChainSpec, Rule, Table } from "../node/iptables/types.ts";

/**
 * Report whether a chain still holds exactly these stored rule objects (and, with `zeroCounters`, all
 * its counters at 0). Same objects means no rule was added, removed, replaced or renamed since: the
 * model never edits a stored rule's specification in place, only its counters.
 */
export function holds(chain: Chain | undefined, stored: readonly Rule[], zeroCounters: boolean): boolean {
  if (!chain || chain.rules.length !== stored.length) return false;
  const rules = chain.rules;
  if (zeroCounters && (chain.policyCounters.packets !== 0 || chain.policyCounters.bytes !== 0)) return false;
  for (let j = 0; j < stored.length; j++) {
    const rule = rules[j];
    if (rule !== stored[j]) return false;
    if (zeroCounters && (rule.counters.packets !== 0 || rule.counters.bytes !== 0)) return false;
  }
  return true;
}

/** Report whether two lists hold the very same objects in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A restored chain: the rules it was written from and the copies the model stored from them. */
export interface WrittenChain {
  sources: readonly Rule[];
  stored: readonly Rule[];
}

/**
 * Report whether restoring `spec` into a user chain would only replace objects by equal ones: the chain
 * holds the copies stored from the same rule objects, all counters at 0 (a restore zeroes them).
 */
export function restoresUnchanged(table: Table, spec: ChainSpec, last: WrittenChain | undefined): boolean {
  if (!last || spec.policy !== undefined || !sameItems(last.sources, spec.rules)) return false;
  const chain = table.chains.get(spec.name);
  return chain?.policy === undefined && holds(chain, last.stored, true);
}
