// Helpers on a pod's scheduling fields that the scheduler, the DaemonSet controller and node lifecycle
// all read, as Kubernetes shares them (k8s.io/component-helpers): tolerations against taints, and the
// required node affinity.
import type { Pod, Taint, Toleration } from "./types.ts";

/** One requirement of a node selector term. */
export interface SelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

/** One term of a required node affinity (its requirements must all hold). */
export interface NodeSelectorTerm {
  matchExpressions?: SelectorRequirement[];
  matchFields?: SelectorRequirement[];
}

/** Whether a toleration tolerates a taint (core/v1 helper semantics). */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== "Exists") return false;
  if (t.operator === "Exists") return true;
  return (t.value ?? "") === (taint.value ?? "");
}

/** The terms of a pod's required node affinity (any one must match), if it has any. */
export function requiredNodeTerms(pod: Pod): NodeSelectorTerm[] | undefined {
  return (
    pod.spec.affinity as
      | {
          nodeAffinity?: {
            requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] };
          };
        }
      | undefined
  )?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
}

/** The node names a pod's required node affinity pins it to (`metadata.name In` in every term), if it does. */
export function pinnedNodeNames(pod: Pod): Set<string> | undefined {
  const terms = requiredNodeTerms(pod);
  if (!terms || terms.length === 0) return undefined;
  const names = new Set<string>();
  for (const t of terms) {
    const f = t.matchFields?.find((r) => r.key === "metadata.name" && r.operator === "In");
    if (!f) return undefined;
    for (const v of f.values ?? []) names.add(v);
  }
  return names;
}

/** The first of pinnedNodeNames(pod), without building the set (daemon pods name one node). */
export function firstPinnedNodeName(pod: Pod): string | undefined {
  const terms = requiredNodeTerms(pod);
  if (!terms || terms.length === 0) return undefined;
  let first: string | undefined;
  let found = false;
  for (let i = 0; i < terms.length; i++) {
    const fields = terms[i].matchFields;
    let f: SelectorRequirement | undefined;
    if (fields)
      for (let j = 0; j < fields.length; j++)
        if (fields[j].key === "metadata.name" && fields[j].operator === "In") {
          f = fields[j];
          break;
        }
    if (!f) return undefined;
    if (!found && f.values && f.values.length > 0) {
      first = f.values[0];
      found = true;
    }
  }
  return first;
}
