// The `service` view: the Service's virtual IP and ports in front of the endpoints its EndpointSlices list.
import type { EndpointSlice, Pod, Service } from "../api/types.ts";
import { box, columns } from "./box.ts";
import { ref } from "./snapshot.ts";

function portLines(svc: Service): string[] {
  return (svc.spec.ports ?? []).map((p) => {
    const node = p.nodePort ? `   nodePort ${p.nodePort} on every node` : "";
    const name = p.name ? ` (${p.name})` : "";
    return `port ${p.port}/${p.protocol ?? "TCP"}${name} -> targetPort ${p.targetPort ?? p.port}${node}`;
  });
}

/** Draw the `service` view. */
export function renderService(svc: Service, slices: EndpointSlice[], pods: Pod[]): string {
  const ns = svc.metadata.namespace ?? "default";
  const mine = slices.filter(
    (s) =>
      (s.metadata.namespace ?? "default") === ns &&
      s.metadata.labels?.["kubernetes.io/service-name"] === svc.metadata.name,
  );
  const type = svc.spec.type ?? "ClusterIP";
  const selector = Object.entries(svc.spec.selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
  const body = [
    `type ${type}   ClusterIP ${svc.spec.clusterIP ?? "<none>"}`,
    `DNS ${svc.metadata.name}.${ns}.svc.cluster.local`,
    ...portLines(svc),
    `selector ${selector || "<none>"}`,
    "a virtual IP: no process listens on it; kube-proxy's rules rewrite it",
  ];
  const out = box(`service ${ref(svc)}`, body);
  const rows: string[][] = [];
  for (const s of [...mine].sort((a, b) => (a.metadata.name ?? "").localeCompare(b.metadata.name ?? ""))) {
    const port = s.ports?.[0]?.port;
    for (const e of s.endpoints) {
      const target = e.targetRef?.name ?? "";
      const pod = pods.find((p) => p.metadata.namespace === ns && p.metadata.name === target);
      const node = e.nodeName ?? pod?.spec.nodeName ?? "?";
      const ready = e.conditions?.ready === false ? "not ready (no traffic)" : "ready";
      rows.push([
        `${e.addresses[0]}${port ? `:${port}` : ""}`,
        target ? `pod ${target}` : "",
        `on ${node}`,
        ready,
      ]);
    }
  }
  out.push("   |");
  if (rows.length === 0) {
    out.push("   `-- (no endpoints: no ready pod matches the selector)");
  } else {
    const lines = columns(rows);
    for (const [i, l] of lines.entries()) out.push(`   ${i === lines.length - 1 ? "`" : "+"}--> ${l}`);
  }
  return `${out.join("\n")}\n`;
}
