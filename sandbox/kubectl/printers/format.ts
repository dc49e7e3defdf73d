// Small formatting helpers shared by the column builders (labels, selectors, containers).
import type { Container, LabelSelector, LabelSelectorRequirement, StringMap } from "../../api/types.ts";

/** Compare strings by code unit, like Go's byte-wise sort.Strings for the strings we meet. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Format labels as sorted `k=v,…`, or `<none>` when empty (labels.FormatLabels). */
export function formatLabels(labels: StringMap | undefined): string {
  const keys = Object.keys(labels ?? {}).sort(compareStrings);
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${labels![k]}`).join(",");
}

function requirementString(key: string, op: string, values: string[]): string {
  const sorted = [...values].sort(compareStrings).join(",");
  switch (op) {
    case "=":
      return `${key}=${values[0]}`;
    case "In":
      return `${key} in (${sorted})`;
    case "NotIn":
      return `${key} notin (${sorted})`;
    case "Exists":
      return key;
    case "DoesNotExist":
      return `!${key}`;
    default:
      return key;
  }
}

/** Print a LabelSelector as labels.Selector.String() does: requirements sorted by key; "" when empty. */
export function selectorString(sel: LabelSelector | undefined): string {
  if (!sel) return "";
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {}))
    reqs.push({ key: k, text: requirementString(k, "=", [v]) });
  for (const e of sel.matchExpressions ?? ([] as LabelSelectorRequirement[])) {
    reqs.push({ key: e.key, text: requirementString(e.key, e.operator, e.values ?? []) });
  }
  reqs.sort((a, b) => compareStrings(a.key, b.key));
  return reqs.map((r) => r.text).join(",");
}

/** Print a LabelSelector, or `<none>` when it selects everything (metav1.FormatLabelSelector). */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  return selectorString(sel) || "<none>";
}

/** Join container names and images with `,` for the wide CONTAINERS and IMAGES cells. */
export function containerCells(containers: Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(","), list.map((c) => c.image ?? "").join(",")];
}
