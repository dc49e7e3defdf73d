// Filter plugins: each says whether a pod fits a node and, if not, the reason kube-scheduler prints.
import type { Pod, Taint, Toleration } from "../api/types.ts";
import { type NodeInfo, podRequests } from "./node-info.ts";

/** Why a node was rejected; `resolvable` is false where preemption cannot help. */
export interface FilterFailure {
  reasons: string[];
  resolvable: boolean;
}

/** Whether a toleration tolerates a taint (core/v1 helper semantics). */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== "Exists") return false;
  if (t.operator === "Exists") return true;
  return (t.value ?? "") === (taint.value ?? "");
}

function nodeName(pod: Pod, ni: NodeInfo): FilterFailure | undefined {
  if (pod.spec.nodeName && pod.spec.nodeName !== ni.node.metadata.name) {
    return { reasons: ["node(s) didn't match the requested node name"], resolvable: false };
  }
  return undefined;
}

function unschedulable(pod: Pod, ni: NodeInfo): FilterFailure | undefined {
  if (!ni.node.spec.unschedulable) return undefined;
  const tolerated = (pod.spec.tolerations ?? []).some((t) =>
    tolerates(t, { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }),
  );
  return tolerated ? undefined : { reasons: ["node(s) were unschedulable"], resolvable: false };
}

interface SelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}
interface NodeSelectorTerm {
  matchExpressions?: SelectorRequirement[];
  matchFields?: SelectorRequirement[];
}

function requirementHolds(r: SelectorRequirement, value: string | undefined): boolean {
  switch (r.operator) {
    case "In":
      return value !== undefined && (r.values ?? []).includes(value);
    case "NotIn":
      return value === undefined || !(r.values ?? []).includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
      return value !== undefined && Number(value) > Number(r.values?.[0]);
    case "Lt":
      return value !== undefined && Number(value) < Number(r.values?.[0]);
    default:
      return false;
  }
}

function termMatches(term: NodeSelectorTerm, ni: NodeInfo): boolean {
  const labels = ni.node.metadata.labels ?? {};
  const fields: Record<string, string | undefined> = { "metadata.name": ni.node.metadata.name };
  return (
    (term.matchExpressions ?? []).every((r) => requirementHolds(r, labels[r.key])) &&
    (term.matchFields ?? []).every((r) => requirementHolds(r, fields[r.key]))
  );
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

function nodeSelector(pod: Pod, ni: NodeInfo): FilterFailure | undefined {
  const fail = { reasons: ["node(s) didn't match Pod's node affinity/selector"], resolvable: false };
  const labels = ni.node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[k] !== v) return fail;
  const terms = requiredNodeTerms(pod);
  if (terms && terms.length > 0 && !terms.some((t) => termMatches(t, ni))) return fail;
  return undefined;
}

function taintToleration(pod: Pod, ni: NodeInfo): FilterFailure | undefined {
  const tolerations = pod.spec.tolerations ?? [];
  for (const taint of ni.node.spec.taints ?? []) {
    if (taint.effect !== "NoSchedule" && taint.effect !== "NoExecute") continue;
    if (!tolerations.some((t) => tolerates(t, taint))) {
      return {
        reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`],
        resolvable: false,
      };
    }
  }
  return undefined;
}

function resourcesFit(pod: Pod, ni: NodeInfo): FilterFailure | undefined {
  const reasons: string[] = [];
  if (ni.pods + 1 > ni.allocPods()) reasons.push("Too many pods");
  const r = podRequests(pod);
  if (r.cpu > 0 && ni.requestedCPU + r.cpu > ni.allocCPU()) reasons.push("Insufficient cpu");
  if (r.memory > 0 && ni.requestedMemory + r.memory > ni.allocMemory()) reasons.push("Insufficient memory");
  return reasons.length ? { reasons, resolvable: true } : undefined;
}

/** The filter plugins in kube-scheduler's default order. */
export const FILTERS: ReadonlyArray<(pod: Pod, ni: NodeInfo) => FilterFailure | undefined> = [
  nodeName,
  unschedulable,
  nodeSelector,
  taintToleration,
  resourcesFit,
];

/** Run the filters in order; the first plugin that rejects the node gives the reason. */
export function runFilters(pod: Pod, ni: NodeInfo): FilterFailure | undefined {
  for (const f of FILTERS) {
    const fail = f(pod, ni);
    if (fail) return fail;
  }
  return undefined;
}
