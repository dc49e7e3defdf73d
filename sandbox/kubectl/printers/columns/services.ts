// `kubectl get services` columns (FIDELITY §1.3).
import type { KubeObject, Service, ServicePort } from "../../../api/types.ts";
import { translateTimestampSince } from "../duration.ts";
import { compareStrings, formatLabels } from "../format.ts";
import { ageColumn, type Cell, column, nameColumn, type TableHandler } from "../table-model.ts";

function loadBalancerIPs(svc: Service): string {
  const found = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) found.add(ing.ip);
    else if (ing.hostname) found.add(ing.hostname);
  }
  // The server builds tables with Wide set, so the 16-character cut kubectl's printer knows never applies.
  return [...found].sort(compareStrings).join(",");
}

function externalIP(svc: Service): string {
  const external = svc.spec.externalIPs ?? [];
  switch (svc.spec.type) {
    case "ClusterIP":
    case "NodePort":
      return external.length > 0 ? external.join(",") : "<none>";
    case "LoadBalancer": {
      const lb = loadBalancerIPs(svc);
      if (external.length > 0) return [...(lb ? lb.split(",") : []), ...external].join(",");
      return lb || "<pending>";
    }
    case "ExternalName":
      return svc.spec.externalName ?? "";
    default:
      return "<unknown>";
  }
}

/** Render ports as `port/PROTO` or `port:nodePort/PROTO`, joined with `,`. */
export function portsText(ports: ServicePort[] | undefined): string {
  const text = (ports ?? [])
    .map((p) =>
      p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ""}` : `${p.port}/${p.protocol ?? ""}`,
    )
    .join(",");
  return text || "<none>";
}

/** Build the service table: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, wide SELECTOR. */
export const serviceTable: TableHandler = {
  columns: [
    nameColumn(),
    column("Type"),
    column("Cluster-IP"),
    column("External-IP"),
    column("Port(s)"),
    ageColumn(),
    column("Selector", { wide: true }),
  ],
  cells(obj: KubeObject, now: number): Cell[] {
    const svc = obj as Service;
    // The real printer reads clusterIPs only; the fallback to clusterIP covers objects stored without it.
    const clusterIP = svc.spec.clusterIPs?.[0] ?? (svc.spec.clusterIP || "<none>");
    return [
      svc.metadata.name ?? "",
      svc.spec.type ?? "",
      clusterIP,
      externalIP(svc),
      portsText(svc.spec.ports),
      translateTimestampSince(svc.metadata.creationTimestamp, now),
      formatLabels(svc.spec.selector),
    ];
  },
};
