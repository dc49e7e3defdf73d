// `kubectl get deployments|replicasets|daemonsets` columns (FIDELITY §1.2, §1.3).
import type { DaemonSet, Deployment, KubeObject, ReplicaSet } from "../../../api/types.ts";
import { translateTimestampSince } from "../duration.ts";
import { containerCells, formatLabelSelector, formatLabels, selectorString } from "../format.ts";
import { ageColumn, type Cell, column, nameColumn, type TableHandler } from "../table-model.ts";

const templateColumns = () => [
  column("Containers", { wide: true }),
  column("Images", { wide: true }),
  column("Selector", { wide: true }),
];

// An unset spec.replicas reads as 1, the value the API server defaults it to.
const DEFAULT_REPLICAS = 1;

/** Build the deployment table: NAME READY UP-TO-DATE AVAILABLE AGE, wide CONTAINERS IMAGES SELECTOR. */
export const deploymentTable: TableHandler = {
  columns: [
    nameColumn(),
    column("Ready"),
    column("Up-to-date"),
    column("Available"),
    ageColumn(),
    ...templateColumns(),
  ],
  cells(obj: KubeObject, now: number): Cell[] {
    const d = obj as Deployment;
    const [names, images] = containerCells(d.spec.template?.spec?.containers);
    return [
      d.metadata.name ?? "",
      `${d.status?.readyReplicas ?? 0}/${d.spec.replicas ?? DEFAULT_REPLICAS}`,
      d.status?.updatedReplicas ?? 0,
      d.status?.availableReplicas ?? 0,
      translateTimestampSince(d.metadata.creationTimestamp, now),
      names,
      images,
      // Deployments print the bare selector string ("" when empty), not <none>.
      selectorString(d.spec.selector),
    ];
  },
};

/** Build the replicaset table: NAME DESIRED CURRENT READY AGE, wide CONTAINERS IMAGES SELECTOR. */
export const replicaSetTable: TableHandler = {
  columns: [
    nameColumn(),
    column("Desired", { type: "integer" }),
    column("Current", { type: "integer" }),
    column("Ready", { type: "integer" }),
    ageColumn(),
    ...templateColumns(),
  ],
  cells(obj: KubeObject, now: number): Cell[] {
    const rs = obj as ReplicaSet;
    const [names, images] = containerCells(rs.spec.template?.spec?.containers);
    return [
      rs.metadata.name ?? "",
      rs.spec.replicas ?? DEFAULT_REPLICAS,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      translateTimestampSince(rs.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(rs.spec.selector),
    ];
  },
};

/** Build the daemonset table: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE, wide template. */
export const daemonSetTable: TableHandler = {
  columns: [
    nameColumn(),
    column("Desired", { type: "integer" }),
    column("Current", { type: "integer" }),
    column("Ready", { type: "integer" }),
    column("Up-to-date", { type: "integer" }),
    column("Available", { type: "integer" }),
    column("Node Selector"),
    ageColumn(),
    ...templateColumns(),
  ],
  cells(obj: KubeObject, now: number): Cell[] {
    const ds = obj as DaemonSet;
    const st = ds.status;
    const [names, images] = containerCells(ds.spec.template?.spec?.containers);
    return [
      ds.metadata.name ?? "",
      st?.desiredNumberScheduled ?? 0,
      st?.currentNumberScheduled ?? 0,
      st?.numberReady ?? 0,
      st?.updatedNumberScheduled ?? 0,
      st?.numberAvailable ?? 0,
      formatLabels(ds.spec.template?.spec?.nodeSelector),
      translateTimestampSince(ds.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(ds.spec.selector),
    ];
  },
};
