// The server-side Table model (meta.k8s.io/v1 Table), as the API server builds it for `kubectl get`.
import type { KubeObject } from "../../api/types.ts";

/** One table cell: strings, or integers and booleans that kubectl prints with fmt.Sprint. */
export type Cell = string | number | boolean;

/** metav1.TableColumnDefinition. `priority` 0 columns always show; 1 only with `-o wide`. */
export interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** metav1.TableRow: the cells plus the object they describe (kubectl reads NAMESPACE and LABELS from it). */
export interface TableRow {
  cells: Cell[];
  object: KubeObject;
}

/** metav1.Table: every column, wide ones included, as the server always sends them all. */
export interface Table {
  columnDefinitions: ColumnDefinition[];
  rows: TableRow[];
}

/** How one resource type becomes table rows: its columns and the cells of one object at time `now` (ms). */
export interface TableHandler {
  columns: ColumnDefinition[];
  cells(obj: KubeObject, now: number): Cell[];
}

/** Define a column; `wide` columns get priority 1. */
export function column(
  name: string,
  opts: { type?: string; format?: string; wide?: boolean; description?: string } = {},
): ColumnDefinition {
  return {
    name,
    type: opts.type ?? "string",
    format: opts.format ?? "",
    description: opts.description ?? "",
    priority: opts.wide ? 1 : 0,
  };
}

/** The `Name` column every built-in table starts with (format `name`, which `<kind>/` prefixing looks for). */
export function nameColumn(): ColumnDefinition {
  return column("Name", { format: "name" });
}

/** The `Age` column, computed from creationTimestamp. */
export function ageColumn(): ColumnDefinition {
  return column("Age");
}

/** Convert a cell to the text kubectl prints for it (fmt.Sprint semantics). */
export function cellText(cell: Cell | null | undefined): string {
  if (cell === null || cell === undefined) return "";
  return String(cell);
}
