// `auth can-i --list`: break rules down per resource, merge verbs of simple rules, sort, and print
// the table kubectl prints (rbacutil.BreakdownRule, CompactRules, SortableRuleSlice).
import type { PolicyRule } from "../../api/types.ts";

function breakdown(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      const names = rule.resourceNames ?? [];
      if (names.length > 0) {
        for (const n of names)
          out.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs, resourceNames: [n] });
      } else out.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs });
    }
  }
  for (const url of rule.nonResourceURLs ?? []) out.push({ nonResourceURLs: [url], verbs: rule.verbs });
  return out;
}

function compact(rules: PolicyRule[]): PolicyRule[] {
  const complex: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    if (r.nonResourceURLs?.length) {
      complex.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups?.[0], r.resources?.[0], r.resourceNames?.[0] ?? null]);
    const seen = simple.get(key);
    if (!seen) simple.set(key, { ...r, verbs: [...(r.verbs ?? [])] });
    else for (const v of r.verbs ?? []) if (!seen.verbs!.includes(v)) seen.verbs!.push(v);
  }
  return [...complex, ...simple.values()];
}

const list = (v: readonly string[] | undefined) => `[${(v ?? []).join(" ")}]`;

// PolicyRule.String(), the generated protobuf text kubectl sorts the rows by.
function ruleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${list(r.verbs)},APIGroups:${list(r.apiGroups)},Resources:${list(r.resources)},ResourceNames:${list(r.resourceNames)},NonResourceURLs:${list(r.nonResourceURLs)},}`;
}

function resourceGroup(r: PolicyRule): string {
  const resource = r.resources?.[0];
  if (!resource) return "";
  const [base, sub] = resource.split(/\/(.*)/s);
  const group = r.apiGroups?.[0];
  return `${base}${group ? `.${group}` : ""}${sub !== undefined ? `/${sub}` : ""}`;
}

/** The rows of `kubectl auth can-i --list` for these rules, header first unless `noHeaders`. */
export function accessRows(rules: PolicyRule[], noHeaders: boolean): string[][] {
  const rows = compact(rules.flatMap(breakdown))
    .map((r) => ({ r, key: ruleString(r) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ r }) => [resourceGroup(r), list(r.nonResourceURLs), list(r.resourceNames), list(r.verbs)]);
  return noHeaders ? rows : [["Resources", "Non-Resource URLs", "Resource Names", "Verbs"], ...rows];
}
