// RBAC tables. Roles have no printer in the API server, so its default convertor prints NAME and CREATED AT;
// bindings have a printer with NAME ROLE AGE.
import type { KubeObject } from "../../../api/types.ts";
import { parseTime, translateTimestampSince } from "../duration.ts";
import { ageColumn, type Cell, column, nameColumn, type TableHandler } from "../table-model.ts";

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}
interface Binding extends KubeObject {
  roleRef?: { kind: string; name: string; apiGroup?: string };
  subjects?: Subject[];
}

/** Format a creation time as RFC 3339 in UTC, second precision, as Go's time.RFC3339 layout does. */
export function rfc3339(ts: string | null | undefined): string {
  const ms = parseTime(ts);
  return ms === undefined ? "0001-01-01T00:00:00Z" : `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** Build the default table any type without a printer gets: NAME CREATED AT. */
export const defaultTable: TableHandler = {
  columns: [nameColumn(), column("Created At", { type: "date" })],
  cells(obj: KubeObject): Cell[] {
    return [obj.metadata.name ?? "", rfc3339(obj.metadata.creationTimestamp)];
  },
};

function subjectCells(subjects: Subject[] | undefined): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === "ServiceAccount") sas.push(`${s.namespace ?? ""}/${s.name}`);
    else if (s.kind === "User") users.push(s.name);
    else if (s.kind === "Group") groups.push(s.name);
  }
  return [users.join(", "), groups.join(", "), sas.join(", ")];
}

/** Build the (cluster)rolebinding table: NAME ROLE AGE, wide USERS GROUPS SERVICEACCOUNTS. */
export const bindingTable: TableHandler = {
  columns: [
    nameColumn(),
    column("Role"),
    ageColumn(),
    column("Users", { wide: true }),
    column("Groups", { wide: true }),
    column("ServiceAccounts", { wide: true }),
  ],
  cells(obj: KubeObject, now: number): Cell[] {
    const b = obj as Binding;
    return [
      b.metadata.name ?? "",
      `${b.roleRef?.kind ?? ""}/${b.roleRef?.name ?? ""}`,
      translateTimestampSince(b.metadata.creationTimestamp, now),
      ...subjectCells(b.subjects),
    ];
  },
};
