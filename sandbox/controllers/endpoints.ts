// The endpoints controller: mirrors each selector Service's pods into an Endpoints object.
import type { EndpointAddress, EndpointPort, Endpoints, Pod, Service } from "../api/types.ts";
import { ipToNumber } from "../apiserver/allocators.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { type InformerFactory, splitKey } from "../client/informer.ts";
import { WorkQueue } from "../client/workqueue.ts";
import { jsonEqual } from "../util/json-equal.ts";
import { isPodReady } from "./pod-util.ts";
import { resolveTargetPort, type ServiceMembership } from "./service-membership.ts";

function address(p: Pod): EndpointAddress {
  return {
    ip: p.status!.podIP!,
    nodeName: p.spec.nodeName,
    targetRef: { kind: "Pod", namespace: p.metadata.namespace, name: p.metadata.name!, uid: p.metadata.uid },
  };
}

/** The endpoints controller. */
export class EndpointsController {
  private readonly api: ApiServer;
  private readonly queue: WorkQueue;
  private readonly informers: InformerFactory;
  private readonly members: ServiceMembership;

  constructor(api: ApiServer, informers: InformerFactory, members: ServiceMembership) {
    this.api = api;
    this.informers = informers;
    this.members = members;
    this.queue = new WorkQueue({ loop: api.loop, reconcile: (k) => this.reconcile(k) });
    members.onChange((k) => this.queue.add(k));
  }

  /** Compute and write one service's Endpoints. */
  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.informers.for<Service>("services").get(key);
    if (!svc?.spec.selector || Object.keys(svc.spec.selector).length === 0) {
      if (!svc && this.api.tryGet("endpoints", namespace, name)) {
        try {
          this.api.delete("endpoints", namespace, name);
        } catch {
          // Gone already.
        }
      }
      return;
    }
    // Group pods by their resolved port list, as the real controller's subsets do.
    const groups = new Map<
      string,
      { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }
    >();
    for (const p of this.members.pods(key)) {
      if (!p.status?.podIP || p.metadata.deletionTimestamp) continue;
      if (p.status.phase === "Succeeded" || p.status.phase === "Failed") continue;
      const ports: EndpointPort[] = [];
      for (const sp of svc.spec.ports ?? []) {
        const port = resolveTargetPort(sp.targetPort, sp.port, p);
        if (port !== undefined)
          ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? "TCP" });
      }
      const gk = JSON.stringify(ports);
      const g = groups.get(gk) ?? { ports, ready: [], notReady: [] };
      groups.set(gk, g);
      if (isPodReady(p) || svc.spec.publishNotReadyAddresses) g.ready.push(address(p));
      else g.notReady.push(address(p));
    }
    const byIP = (a: EndpointAddress, b: EndpointAddress) =>
      (ipToNumber(a.ip) ?? 0) - (ipToNumber(b.ip) ?? 0);
    const subsets = [...groups.values()].map((g) => ({
      ...(g.ready.length ? { addresses: g.ready.sort(byIP) } : {}),
      ...(g.notReady.length ? { notReadyAddresses: g.notReady.sort(byIP) } : {}),
      ports: g.ports,
    }));
    const existing = this.api.tryGet<Endpoints>("endpoints", namespace, name);
    const labels = { ...(svc.metadata.labels ?? {}) };
    if (existing) {
      if (jsonEqual(existing.subsets ?? [], subsets)) return;
      this.api.mutate<Endpoints>("endpoints", namespace, name, (e) => {
        if (subsets.length) e.subsets = subsets;
        else delete e.subsets;
        return true;
      });
    } else {
      try {
        this.api.create<Endpoints>("endpoints", {
          metadata: { name, namespace, ...(Object.keys(labels).length ? { labels } : {}) },
          ...(subsets.length ? { subsets } : {}),
        });
      } catch {
        // Namespace terminating or service gone.
      }
    }
  }
}
