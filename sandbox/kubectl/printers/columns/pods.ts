// `kubectl get pods` columns (FIDELITY §1.2, §9).
import type { KubeObject, Pod } from "../../../api/types.ts";
import { translateTimestampSince } from "../duration.ts";
import { ageColumn, type Cell, column, nameColumn, type TableHandler } from "../table-model.ts";
import { podStatusCells } from "./pod-status.ts";

function readinessGates(pod: Pod): string {
  const gates = (pod.spec.readinessGates as { conditionType: string }[] | undefined) ?? [];
  if (gates.length === 0) return "<none>";
  let trueCount = 0;
  for (const gate of gates) {
    const cond = (pod.status?.conditions ?? []).find((c) => c.type === gate.conditionType);
    if (cond?.status === "True") trueCount++;
  }
  return `${trueCount}/${gates.length}`;
}

/** Build the pod table: NAME READY STATUS RESTARTS AGE, wide IP NODE NOMINATED NODE READINESS GATES. */
export const podTable: TableHandler = {
  columns: [
    nameColumn(),
    column("Ready"),
    column("Status"),
    column("Restarts"),
    ageColumn(),
    column("IP", { wide: true }),
    column("Node", { wide: true }),
    column("Nominated Node", { wide: true }),
    column("Readiness Gates", { wide: true }),
  ],
  cells(obj: KubeObject, now: number): Cell[] {
    const pod = obj as Pod;
    const { ready, status, restarts } = podStatusCells(pod, now);
    return [
      pod.metadata.name ?? "",
      ready,
      status,
      restarts,
      translateTimestampSince(pod.metadata.creationTimestamp, now),
      pod.status?.podIPs?.[0]?.ip || "<none>",
      pod.spec.nodeName || "<none>",
      pod.status?.nominatedNodeName || "<none>",
      readinessGates(pod),
    ];
  },
};
