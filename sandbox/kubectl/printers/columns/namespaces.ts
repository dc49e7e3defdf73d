// `kubectl get namespaces` columns.
import type { KubeObject, Namespace } from "../../../api/types.ts";
import { translateTimestampSince } from "../duration.ts";
import { ageColumn, type Cell, column, nameColumn, type TableHandler } from "../table-model.ts";

/** Build the namespace table: NAME STATUS AGE. */
export const namespaceTable: TableHandler = {
  columns: [nameColumn(), column("Status"), ageColumn()],
  cells(obj: KubeObject, now: number): Cell[] {
    const ns = obj as Namespace;
    return [
      ns.metadata.name ?? "",
      ns.status?.phase ?? "",
      translateTimestampSince(ns.metadata.creationTimestamp, now),
    ];
  },
};
