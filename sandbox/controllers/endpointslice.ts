// The EndpointSlice controller: one slice per selector Service (the model never needs a second slice:
// the real controller splits at 100 endpoints per slice).
import type { EndpointSlice, Pod, Service } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { type InformerFactory, splitKey } from "../client/informer.ts";
import { WorkQueue } from "../client/workqueue.ts";
import { sameJSONText } from "../util/json-equal.ts";
import { controllerRef, isPodReady } from "./pod-util.ts";
import { resolveTargetPort, type ServiceMembership } from "./service-membership.ts";

const MANAGED_BY = "endpointslice-controller.k8s.io";

/** The EndpointSlice controller. */
export class EndpointSliceController {
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

  /** Compute and write one service's slice. */
  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.informers.for<Service>("services").get(key);
    if (!svc?.spec.selector || Object.keys(svc.spec.selector).length === 0) return;
    const pods = this.members
      .pods(key)
      .filter((p) => p.status?.podIP && p.status.phase !== "Succeeded" && p.status.phase !== "Failed");
    pods.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    const sample: Pod | undefined = pods[0];
    const ports = (svc.spec.ports ?? []).map((sp) => ({
      name: sp.name ?? "",
      port: sample
        ? resolveTargetPort(sp.targetPort, sp.port, sample)
        : typeof sp.targetPort === "number"
          ? sp.targetPort
          : sp.port,
      protocol: sp.protocol ?? "TCP",
    }));
    const endpoints: EndpointSlice["endpoints"] = pods.map((p) => {
      const ready = isPodReady(p);
      const terminating = !!p.metadata.deletionTimestamp;
      return {
        addresses: [p.status!.podIP!],
        conditions: { ready: ready && !terminating, serving: ready, terminating },
        nodeName: p.spec.nodeName,
        targetRef: {
          kind: "Pod",
          namespace: p.metadata.namespace,
          name: p.metadata.name!,
          uid: p.metadata.uid,
        },
      };
    });
    const existing = this.api
      .list<EndpointSlice>("endpointslices", {
        namespace,
        labelSelector: `kubernetes.io/service-name=${name}`,
      })
      .items.find((s) => s.metadata.labels?.["endpointslice.kubernetes.io/managed-by"] === MANAGED_BY);
    if (existing) {
      if (sameJSONText(existing.endpoints, endpoints) && sameJSONText(existing.ports, ports)) return;
      this.api.mutate<EndpointSlice>("endpointslices", namespace, existing.metadata.name!, (s) => {
        s.endpoints = endpoints;
        s.ports = ports as EndpointSlice["ports"];
        return true;
      });
      return;
    }
    try {
      this.api.create<EndpointSlice>("endpointslices", {
        metadata: {
          generateName: `${name}-`,
          namespace,
          labels: {
            ...(svc.metadata.labels ?? {}),
            "endpointslice.kubernetes.io/managed-by": MANAGED_BY,
            "kubernetes.io/service-name": name,
          },
          annotations: {
            "endpoints.kubernetes.io/last-change-trigger-time": svc.metadata.creationTimestamp ?? "",
          },
          ownerReferences: [controllerRef(svc)],
        },
        addressType: "IPv4",
        endpoints,
        ports: ports as EndpointSlice["ports"],
      });
    } catch {
      // Namespace terminating or service gone.
    }
  }
}
