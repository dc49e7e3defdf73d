// Filter plugins: each says whether a pod fits a node and, if not, the reason kube-scheduler prints.
import {
  type NodeSelectorTerm,
  requiredNodeTerms,
  type SelectorRequirement,
  tolerates,
} from "../api/scheduling.ts";
import type { Pod, Toleration } from "../api/types.ts";
import { type NodeInfo, ownerUid, podRequests } from "./node-info.ts";
import type { NodeTable } from "./node-table.ts";

/** Why a node was rejected; `resolvable` is false where preemption cannot help. */
export interface FilterFailure {
  reasons: string[];
  resolvable: boolean;
}

/** What the filters and scores read of one pod, worked out once per scheduling attempt, not per node. */
export interface PodFacts {
  cpu: number;
  memory: number;
  owner: string | undefined;
  nodeSelector: [string, string][];
  terms: NodeSelectorTerm[] | undefined;
  tolerations: Toleration[];
}

/** Gather a pod's facts for one scheduling attempt. */
export function podFacts(pod: Pod): PodFacts {
  const r = podRequests(pod);
  const terms = requiredNodeTerms(pod);
  return {
    cpu: r.cpu,
    memory: r.memory,
    owner: ownerUid(pod),
    nodeSelector: pod.spec.nodeSelector ? Object.entries(pod.spec.nodeSelector) : [],
    terms: terms && terms.length > 0 ? terms : undefined,
    tolerations: pod.spec.tolerations ?? [],
  };
}

function nodeName(pod: Pod, ni: NodeInfo): FilterFailure | undefined {
  if (pod.spec.nodeName && pod.spec.nodeName !== ni.node.metadata.name) {
    return { reasons: ["node(s) didn't match the requested node name"], resolvable: false };
  }
  return undefined;
}

function unschedulable(f: PodFacts, ni: NodeInfo): FilterFailure | undefined {
  if (!ni.unschedulable) return undefined;
  const tolerated = f.tolerations.some((t) =>
    tolerates(t, { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }),
  );
  return tolerated ? undefined : { reasons: ["node(s) were unschedulable"], resolvable: false };
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

function nodeSelector(f: PodFacts, ni: NodeInfo): FilterFailure | undefined {
  const sel = f.nodeSelector;
  if (sel.length > 0) {
    const labels = ni.node.metadata.labels ?? {};
    for (const [k, v] of sel) if (labels[k] !== v) return selectorFailure();
  }
  if (f.terms && !f.terms.some((t) => termMatches(t, ni))) return selectorFailure();
  return undefined;
}

function selectorFailure(): FilterFailure {
  return { reasons: ["node(s) didn't match Pod's node affinity/selector"], resolvable: false };
}

function taintToleration(f: PodFacts, ni: NodeInfo): FilterFailure | undefined {
  const taints = ni.taints;
  if (!taints) return undefined;
  for (const taint of taints) {
    if (taint.effect !== "NoSchedule" && taint.effect !== "NoExecute") continue;
    if (!f.tolerations.some((t) => tolerates(t, taint))) {
      return {
        reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`],
        resolvable: false,
      };
    }
  }
  return undefined;
}

/** NodeResourcesFit: whether the node has pod slots, cpu and memory left for the pod. */
export function resourcesFit(f: PodFacts, ni: NodeInfo): FilterFailure | undefined {
  const pods = ni.pods + 1 > ni.allocPods();
  const cpu = f.cpu > 0 && ni.requestedCPU + f.cpu > ni.allocCPU();
  const memory = f.memory > 0 && ni.requestedMemory + f.memory > ni.allocMemory();
  // Most nodes fit: build the reasons only for those that do not.
  if (!pods && !cpu && !memory) return undefined;
  const reasons: string[] = [];
  if (pods) reasons.push("Too many pods");
  if (cpu) reasons.push("Insufficient cpu");
  if (memory) reasons.push("Insufficient memory");
  return { reasons, resolvable: true };
}

/** Whether the node at `at` has pod slots, cpu and memory left for the pod (resourcesFit finding no reason). */
export function fitsAt(f: PodFacts, t: NodeTable, at: number): boolean {
  return (
    !(t.pods[at] + 1 > t.allocPods[at]) &&
    !(f.cpu > 0 && t.reqCPU[at] + f.cpu > t.allocCPU[at]) &&
    !(f.memory > 0 && t.reqMemory[at] + f.memory > t.allocMemory[at])
  );
}

/** Run the filters in kube-scheduler's default order; the first plugin that rejects the node gives the reason. */
export function runFilters(
  pod: Pod,
  ni: NodeInfo,
  facts: PodFacts = podFacts(pod),
): FilterFailure | undefined {
  return (
    nodeName(pod, ni) ??
    unschedulable(facts, ni) ??
    taintToleration(facts, ni) ??
    (facts.nodeSelector.length > 0 || facts.terms ? nodeSelector(facts, ni) : undefined) ??
    resourcesFit(facts, ni)
  );
}
