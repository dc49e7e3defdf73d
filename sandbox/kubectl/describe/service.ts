// kubectl describe service (v1.32 reads endpoints from EndpointSlices).
import type { EndpointSlice, Event, Service } from "../../api/types.ts";
import { formatLabels } from "../printers/format.ts";
import { describeEvents } from "./events.ts";
import { printAnnotations, printLabels } from "./multiline.ts";
import { tabbedString } from "./writer.ts";

const MAX_ENDPOINTS = 3;

/** Render ready endpoints of the slices for one service port name: `ip:port,...` with ` + N more...` past three. */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return "<none>";
  const list: string[] = [];
  let count = 0;
  let more = false;
  // Mirrors kubectl: "more" is noticed before the readiness check, so the count covers ready endpoints only.
  const visit = (ready: boolean, text: string) => {
    if (list.length === MAX_ENDPOINTS) more = true;
    if (!ready) return;
    if (!more) list.push(text);
    count++;
  };
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    if (!slice.ports || slice.ports.length === 0) {
      for (const e of endpoints) visit(e.conditions?.ready !== false, e.addresses[0]);
      continue;
    }
    for (const port of slice.ports) {
      if ((port.name ?? "") !== portName) continue;
      for (const e of endpoints) {
        const addr = e.addresses[0];
        visit(
          e.conditions?.ready !== false,
          addr.includes(":") ? `[${addr}]:${port.port}` : `${addr}:${port.port}`,
        );
      }
    }
  }
  const text = list.join(",");
  return more ? `${text} + ${count - MAX_ENDPOINTS} more...` : text;
}

/** Describe a service given the EndpointSlices labelled with its name. */
export function describeService(
  svc: Service,
  slices: EndpointSlice[],
  events: Event[] | null,
  now: number,
): string {
  return tabbedString((w) => {
    const spec = svc.spec;
    w.write(0, `Name:\t${svc.metadata.name ?? ""}\n`);
    w.write(0, `Namespace:\t${svc.metadata.namespace ?? ""}\n`);
    printLabels(w, "Labels", svc.metadata.labels);
    printAnnotations(w, "Annotations", svc.metadata.annotations);
    w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(0, `Type:\t${spec.type ?? ""}\n`);
    if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(
      0,
      `IP Families:\t${spec.ipFamilies && spec.ipFamilies.length > 0 ? spec.ipFamilies.join(",") : "<none>"}\n`,
    );
    w.write(0, `IP:\t${spec.clusterIP ?? ""}\n`);
    w.write(
      0,
      `IPs:\t${spec.clusterIPs && spec.clusterIPs.length > 0 ? spec.clusterIPs.join(",") : "<none>"}\n`,
    );
    if (spec.externalIPs && spec.externalIPs.length > 0)
      w.write(0, `External IPs:\t${spec.externalIPs.join(",")}\n`);
    const lbIP = (spec as { loadBalancerIP?: string }).loadBalancerIP;
    if (lbIP) w.write(0, `Desired LoadBalancer IP:\t${lbIP}\n`);
    if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) {
      const list = ingress.map((i) => {
        const mode = (i as { ipMode?: string }).ipMode;
        return i.ip ? (mode ? `${i.ip} (${mode})` : i.ip) : (i.hostname ?? "");
      });
      w.write(0, `LoadBalancer Ingress:\t${list.join(", ")}\n`);
    }
    for (const p of spec.ports ?? []) {
      const name = p.name || "<unset>";
      const protocol = p.protocol ?? "TCP";
      w.write(0, `Port:\t${name}\t${p.port}/${protocol}\n`);
      w.write(0, `TargetPort:\t${p.targetPort ?? p.port}/${protocol}\n`);
      if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${protocol}\n`);
      w.write(0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? "")}\n`);
    }
    w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ""}\n`);
    if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    const hc = (spec as { healthCheckNodePort?: number }).healthCheckNodePort;
    if (hc) w.write(0, `HealthCheck NodePort:\t${hc}\n`);
    const ranges = (spec as { loadBalancerSourceRanges?: string[] }).loadBalancerSourceRanges;
    if (ranges && ranges.length > 0) w.write(0, `LoadBalancer Source Ranges:\t${ranges.join(",")}\n`);
    const distribution = (spec as { trafficDistribution?: string }).trafficDistribution;
    if (distribution) w.write(0, `Traffic Distribution:\t${distribution}\n`);
    if (events) describeEvents(w, events, now);
  });
}
