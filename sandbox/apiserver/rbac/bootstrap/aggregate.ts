// What the clusterrole-aggregation controller computes: an aggregated ClusterRole's rules are the rules of
// every ClusterRole its selectors match, taken in name order, each rule once.
import type { PolicyRule, RoleObject } from "../../../api/types.ts";
import { fromLabelSelector, matchesLabels, type Selector } from "../../selectors.ts";

// Rule keys by identity: the bootstrap templates' rules are shared by every cluster, so each is encoded once.
const keys = new WeakMap<PolicyRule, string>();

function ruleKey(r: PolicyRule): string {
  let k = keys.get(r);
  if (k === undefined) {
    k = JSON.stringify(r);
    keys.set(r, k);
  }
  return k;
}

/** The rules `role` aggregates from `roles` (which may include it; it is skipped). */
export function aggregatedRules(role: RoleObject, roles: readonly RoleObject[]): PolicyRule[] {
  const rule = role.aggregationRule;
  if (!rule) return role.rules ?? [];
  // matchLabels and matchExpressions both; an empty selector matches every role, as
  // metav1.LabelSelectorAsSelector makes it.
  const selectors: Selector[] = (rule.clusterRoleSelectors ?? []).map(fromLabelSelector);
  const selected = (r: RoleObject) => selectors.some((sel) => matchesLabels(sel, r.metadata.labels));
  const sources = roles
    .filter((r) => r.metadata.name !== role.metadata.name && selected(r))
    .sort((a, b) => ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1));
  const out: PolicyRule[] = [];
  const seen = new Set<string>();
  for (const src of sources) {
    for (const r of src.rules ?? []) {
      const key = ruleKey(r);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(r);
    }
  }
  return out;
}

/** Whether two rule lists are the same, rule by rule. */
export function sameRules(
  a: readonly PolicyRule[] | undefined,
  b: readonly PolicyRule[] | undefined,
): boolean {
  const x = a ?? [];
  const y = b ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && ruleKey(x[i]) !== ruleKey(y[i])) return false;
  return true;
}
