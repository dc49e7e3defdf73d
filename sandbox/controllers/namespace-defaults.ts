// The serviceaccount and root-ca-cert-publisher controllers: every active namespace gets a `default`
// ServiceAccount and the `kube-root-ca.crt` ConfigMap.
import { CLUSTER_CA_PEM } from "../api/pki.ts";
import type { ConfigMap, Namespace, ServiceAccount } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import type { InformerFactory } from "../client/informer.ts";
import { WorkQueue } from "../client/workqueue.ts";

/** Keeps the per-namespace defaults present. */
export class NamespaceDefaultsController {
  private readonly api: ApiServer;
  private readonly queue: WorkQueue;

  constructor(api: ApiServer, informers: InformerFactory) {
    this.api = api;
    this.queue = new WorkQueue({ loop: api.loop, reconcile: (k) => this.reconcile(k) });
    informers.for<Namespace>("namespaces").on({ add: (n) => this.queue.add(n.metadata.name!) });
    informers
      .for<ServiceAccount>("serviceaccounts")
      .on({ delete: (s) => s.metadata.name === "default" && this.queue.add(s.metadata.namespace!) });
    informers
      .for<ConfigMap>("configmaps")
      .on({ delete: (c) => c.metadata.name === "kube-root-ca.crt" && this.queue.add(c.metadata.namespace!) });
  }

  /** Create what is missing in one namespace. */
  reconcile(ns: string): void {
    const n = this.api.tryGet<Namespace>("namespaces", undefined, ns);
    if (!n || n.metadata.deletionTimestamp) return;
    if (!this.api.tryGet("serviceaccounts", ns, "default")) {
      try {
        this.api.create("serviceaccounts", { metadata: { name: "default", namespace: ns } });
      } catch {
        // Namespace went away meanwhile.
      }
    }
    if (!this.api.tryGet("configmaps", ns, "kube-root-ca.crt")) {
      try {
        this.api.create("configmaps", {
          metadata: {
            name: "kube-root-ca.crt",
            namespace: ns,
            annotations: {
              "kubernetes.io/description":
                "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.",
            },
          },
          data: { "ca.crt": CLUSTER_CA_PEM },
        });
      } catch {
        // Namespace went away meanwhile.
      }
    }
  }
}
