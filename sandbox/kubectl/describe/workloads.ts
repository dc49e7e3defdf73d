// kubectl describe deployment and replicaset.
import type { Condition, Deployment, Event, Pod, PodTemplateSpec, ReplicaSet } from "../../api/types.ts";
import { formatLabelSelector, selectorString } from "../printers/format.ts";
import { rfc1123z } from "./duration.ts";
import { describeEvents } from "./events.ts";
import { cmp, printAnnotations, printLabels } from "./multiline.ts";
import { controllerName } from "./pod.ts";
import { selectorMatches } from "./selectors.ts";
import { describePodTemplate } from "./template.ts";
import { type DescribeWriter, tabbedString } from "./writer.ts";

/** Describe a deployment given the ReplicaSets in its namespace (ownership is checked here). */
export function describeDeployment(
  d: Deployment,
  replicaSets: ReplicaSet[],
  events: Event[] | null,
  now: number,
): string {
  const { newRS, oldRSs } = splitReplicaSets(d, replicaSets);
  return tabbedString((w) => {
    const status = d.status ?? {};
    w.write(0, `Name:\t${d.metadata.name ?? ""}\n`);
    w.write(0, `Namespace:\t${d.metadata.namespace ?? ""}\n`);
    w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabels(w, "Labels", d.metadata.labels);
    printAnnotations(w, "Annotations", d.metadata.annotations);
    w.write(0, `Selector:\t${selectorString(d.spec.selector)}\n`);
    w.write(
      0,
      `Replicas:\t${d.spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ` +
        `${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(0, `StrategyType:\t${d.spec.strategy?.type ?? ""}\n`);
    w.write(0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
    const ru = d.spec.strategy?.rollingUpdate;
    if (ru)
      w.write(
        0,
        `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`,
      );
    describePodTemplate(w, d.spec.template);
    describeConditions(w, status.conditions);
    if (newRS || oldRSs.length > 0) {
      w.write(0, `OldReplicaSets:\t${replicaSetList(oldRSs)}\n`);
      w.write(0, `NewReplicaSet:\t${replicaSetList(newRS ? [newRS] : [])}\n`);
    }
    if (events) describeEvents(w, events, now);
  });
}

function describeConditions(w: DescribeWriter, conditions: Condition[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(0, "Conditions:\n  Type\tStatus\tReason\n");
  w.write(1, "----\t------\t------\n");
  for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
}

function replicaSetList(list: ReplicaSet[]): string {
  const text = list.map(
    (rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`,
  );
  return text.join(", ") || "<none>";
}

/** Split the deployment's own ReplicaSets into the new one (template matches) and all old ones. */
export function splitReplicaSets(
  d: Deployment,
  all: ReplicaSet[],
): { newRS: ReplicaSet | null; oldRSs: ReplicaSet[] } {
  const owned = all
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === d.metadata.uid))
    .sort((a, b) => cmp(a.metadata.name ?? "", b.metadata.name ?? ""));
  // When several match, the oldest wins, as in deploymentutil.FindNewReplicaSet.
  const matching = owned
    .filter((rs) => sameTemplate(rs.spec.template, d.spec.template))
    .sort((a, b) => cmp(a.metadata.creationTimestamp ?? "", b.metadata.creationTimestamp ?? ""));
  const newRS = matching[0] ?? null;
  return { newRS, oldRSs: owned.filter((rs) => rs !== newRS) };
}

function sameTemplate(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  const strip = (t: PodTemplateSpec) => {
    const copy = JSON.parse(JSON.stringify(t)) as PodTemplateSpec;
    if (copy.metadata?.labels) delete copy.metadata.labels["pod-template-hash"];
    return canonicalJSON(copy);
  };
  return strip(a) === strip(b);
}

function canonicalJSON(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJSON).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => cmp(a, b));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJSON(x)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

/** Describe a replica set given pods in its namespace (selector and controller uid are checked here). */
export function describeReplicaSet(rs: ReplicaSet, pods: Pod[], events: Event[] | null, now: number): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 } as Record<string, number>;
  for (const p of pods) {
    if (!selectorMatches(rs.spec.selector, p.metadata.labels)) continue;
    if (!p.metadata.ownerReferences?.some((o) => o.controller && o.uid === rs.metadata.uid)) continue;
    const phase = p.status?.phase ?? "";
    if (phase in counts) counts[phase]++;
  }
  return tabbedString((w) => {
    w.write(0, `Name:\t${rs.metadata.name ?? ""}\n`);
    w.write(0, `Namespace:\t${rs.metadata.namespace ?? ""}\n`);
    w.write(0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
    printLabels(w, "Labels", rs.metadata.labels);
    printAnnotations(w, "Annotations", rs.metadata.annotations);
    const controlledBy = controllerName(rs);
    if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
    w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
    w.write(
      0,
      `Pods Status:\t${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`,
    );
    describePodTemplate(w, rs.spec.template);
    describeConditions(w, (rs.status as { conditions?: Condition[] } | undefined)?.conditions);
    if (events) describeEvents(w, events, now);
  });
}
