// `kubectl get nodes` columns (FIDELITY §1.3).
import type { KubeObject, Node } from "../../../api/types.ts";
import { translateTimestampSince } from "../duration.ts";
import { compareStrings } from "../format.ts";
import { ageColumn, type Cell, column, nameColumn, type TableHandler } from "../table-model.ts";

const ROLE_PREFIX = "node-role.kubernetes.io/";

function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === "Ready");
  const parts = [ready ? (ready.status === "True" ? "Ready" : "NotReady") : "Unknown"];
  if (node.spec?.unschedulable) parts.push("SchedulingDisabled");
  return parts.join(",");
}

/** Collect a node's roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === "kubernetes.io/role" && v !== "") {
      roles.add(v);
    }
  }
  return [...roles].sort(compareStrings);
}

function address(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? "<none>";
}

/** Build the node table: NAME STATUS ROLES AGE VERSION, wide addresses, OS image, kernel and runtime. */
export const nodeTable: TableHandler = {
  columns: [
    nameColumn(),
    column("Status"),
    column("Roles"),
    ageColumn(),
    column("Version"),
    column("Internal-IP", { wide: true }),
    column("External-IP", { wide: true }),
    column("OS-Image", { wide: true }),
    column("Kernel-Version", { wide: true }),
    column("Container-Runtime", { wide: true }),
  ],
  cells(obj: KubeObject, now: number): Cell[] {
    const node = obj as Node;
    const info = node.status?.nodeInfo;
    return [
      node.metadata.name ?? "",
      nodeStatus(node),
      nodeRoles(node).join(",") || "<none>",
      translateTimestampSince(node.metadata.creationTimestamp, now),
      info?.kubeletVersion ?? "",
      address(node, "InternalIP"),
      address(node, "ExternalIP"),
      info?.osImage || "<unknown>",
      info?.kernelVersion || "<unknown>",
      info?.containerRuntimeVersion || "<unknown>",
    ];
  },
};
