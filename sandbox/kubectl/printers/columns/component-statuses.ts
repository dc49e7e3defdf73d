// `kubectl get componentstatuses` columns (the server's printComponentStatus).
import type { ComponentStatus, KubeObject } from "../../../api/types.ts";
import { type Cell, column, nameColumn, type TableHandler } from "../table-model.ts";

/** Build the componentstatus table: NAME STATUS MESSAGE ERROR from the Healthy condition. */
export const componentStatusTable: TableHandler = {
  columns: [nameColumn(), column("Status"), column("Message"), column("Error")],
  cells(obj: KubeObject): Cell[] {
    const healthy = (obj as ComponentStatus).conditions?.find((c) => c.type === "Healthy");
    // Without a Healthy condition the status is Unknown; any status but True reads Unhealthy.
    const status = !healthy ? "Unknown" : healthy.status === "True" ? "Healthy" : "Unhealthy";
    return [obj.metadata.name ?? "", status, healthy?.message ?? "", healthy?.error ?? ""];
  },
};
