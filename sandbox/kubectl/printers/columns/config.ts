// `kubectl get configmaps|secrets|serviceaccounts|leases` columns.
import type { ConfigMap, KubeObject, Lease, Secret, ServiceAccount } from "../../../api/types.ts";
import { translateTimestampSince } from "../duration.ts";
import { ageColumn, type Cell, column, nameColumn, type TableHandler } from "../table-model.ts";

const count = (m: object | undefined) => Object.keys(m ?? {}).length;

/** Build the configmap table: NAME DATA AGE (DATA counts data plus binaryData keys). */
export const configMapTable: TableHandler = {
  columns: [nameColumn(), column("Data"), ageColumn()],
  cells(obj: KubeObject, now: number): Cell[] {
    const cm = obj as ConfigMap;
    return [
      cm.metadata.name ?? "",
      count(cm.data) + count(cm.binaryData),
      translateTimestampSince(cm.metadata.creationTimestamp, now),
    ];
  },
};

/** Build the secret table: NAME TYPE DATA AGE. */
export const secretTable: TableHandler = {
  columns: [nameColumn(), column("Type"), column("Data"), ageColumn()],
  cells(obj: KubeObject, now: number): Cell[] {
    const s = obj as Secret;
    return [
      s.metadata.name ?? "",
      s.type ?? "",
      count(s.data),
      translateTimestampSince(s.metadata.creationTimestamp, now),
    ];
  },
};

/** Build the serviceaccount table: NAME SECRETS AGE. */
export const serviceAccountTable: TableHandler = {
  columns: [nameColumn(), column("Secrets"), ageColumn()],
  cells(obj: KubeObject, now: number): Cell[] {
    const sa = obj as ServiceAccount;
    return [
      sa.metadata.name ?? "",
      (sa.secrets ?? []).length,
      translateTimestampSince(sa.metadata.creationTimestamp, now),
    ];
  },
};

/** Build the lease table: NAME HOLDER AGE. */
export const leaseTable: TableHandler = {
  columns: [nameColumn(), column("Holder"), ageColumn()],
  cells(obj: KubeObject, now: number): Cell[] {
    const l = obj as Lease;
    return [
      l.metadata.name ?? "",
      l.spec?.holderIdentity ?? "",
      translateTimestampSince(l.metadata.creationTimestamp, now),
    ];
  },
};
