import { describe, expect, it } from "vitest";
import type { Namespace, Pod } from "../../sandbox/api/types.ts";
import { StatusError } from "../../sandbox/apiserver/errors.ts";
import type { ApiServer } from "../../sandbox/apiserver/server.ts";
import { bareApiServer } from "../support/api-server.ts";

function server(): ApiServer {
  const { api } = bareApiServer({ random: 1, startTime: Date.UTC(2025, 0, 1), namespaces: [] });
  for (const ns of ["default", "kube-system"]) {
    api.create("namespaces", { metadata: { name: ns } });
    // The service account controller's work: pods are refused without their service account.
    api.create("serviceaccounts", { metadata: { name: "default", namespace: ns } });
  }
  return api;
}

const pod = (name: string, extra: Partial<Pod["metadata"]> = {}): Pod => ({
  metadata: { name, ...extra },
  spec: { containers: [{ name: "c", image: "nginx" }] },
});

function statusOf(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StatusError) return err;
    throw err;
  }
  throw new Error("expected a StatusError");
}

describe("kube-apiserver", () => {
  it("starts every pod Pending with its QoS class, whatever status the client sent", () => {
    const api = server();
    const sent = { ...pod("web"), status: { phase: "Running", podIP: "1.2.3.4" } } as Pod;
    expect(api.create<Pod>("pods", sent).status).toEqual({ phase: "Pending", qosClass: "BestEffort" });
    const sized = pod("sized");
    sized.spec.containers[0].resources = { limits: { cpu: "1", memory: "64Mi" } };
    // Defaulting copies limits into requests, so the pod is Guaranteed.
    expect(api.create<Pod>("pods", sized).status?.qosClass).toBe("Guaranteed");
    const half = pod("half");
    half.spec.containers[0].resources = { requests: { cpu: "100m" }, limits: { cpu: "200m" } };
    expect(api.create<Pod>("pods", half).status?.qosClass).toBe("Burstable");
  });

  it("stores pods under /registry/pods/<ns>/<name> with uid, resourceVersion and creationTimestamp", () => {
    const api = server();
    const p = api.create<Pod>("pods", pod("web"));
    expect(api.etcd.get("/registry/pods/default/web")).toBeDefined();
    expect(p.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.metadata.resourceVersion).toBe(String(api.etcd.revision()));
    expect(p.metadata.creationTimestamp).toBe("2025-01-01T00:00:00Z");
  });

  it("fills generateName with five characters of the apimachinery alphabet", () => {
    const p = server().create<Pod>("pods", { metadata: { generateName: "web-" }, spec: pod("x").spec });
    expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it("answers a duplicate with AlreadyExists and a missing object with NotFound", () => {
    const api = server();
    api.create("pods", pod("web"));
    expect(statusOf(() => api.create("pods", pod("web"))).message).toBe('pods "web" already exists');
    expect(statusOf(() => api.get("deployments", "default", "x")).message).toBe(
      'deployments.apps "x" not found',
    );
  });

  it("refuses a create into a missing namespace", () => {
    const e = statusOf(() => server().create("pods", pod("web", { namespace: "nope" })));
    expect([e.code, e.message]).toEqual([404, 'namespaces "nope" not found']);
  });

  it("refuses new content in a terminating namespace", () => {
    const api = server();
    api.create("namespaces", { metadata: { name: "doomed" } });
    api.create("serviceaccounts", { metadata: { name: "default", namespace: "doomed" } });
    api.create("pods", pod("keep", { namespace: "doomed" }));
    api.delete("namespaces", undefined, "doomed");
    expect(api.get<Namespace>("namespaces", undefined, "doomed").status?.phase).toBe("Terminating");
    const e = statusOf(() => api.create("pods", pod("x", { namespace: "doomed" })));
    expect(e.message).toBe(
      'pods "x" is forbidden: unable to create new content in namespace doomed because it is being terminated',
    );
  });

  it("rejects a stale resourceVersion with Conflict", () => {
    const api = server();
    const p = api.create<Pod>("pods", pod("web"));
    api.update("pods", { ...p, metadata: { ...p.metadata, labels: { a: "1" } } });
    const e = statusOf(() => api.update("pods", { ...p, metadata: { ...p.metadata, labels: { a: "2" } } }));
    expect(e.reason).toBe("Conflict");
  });

  it("marks a bound pod for graceful deletion and removes an unbound one at once", () => {
    const api = server();
    api.create("pods", pod("bound"));
    api.bind("default", "bound", "node01");
    api.create("pods", pod("loose"));
    api.delete("pods", "default", "bound");
    api.delete("pods", "default", "loose");
    expect(api.get<Pod>("pods", "default", "bound").metadata.deletionGracePeriodSeconds).toBe(30);
    expect(api.tryGet("pods", "default", "loose")).toBeUndefined();
  });

  it("lists by label selector and delivers watch events asynchronously", () => {
    const api = server();
    const seen: string[] = [];
    api.watch("pods", { labelSelector: "app=web" }, (ev) =>
      seen.push(`${ev.type} ${ev.object.metadata.name}`),
    );
    api.create("pods", pod("a", { labels: { app: "web" } }));
    api.create("pods", pod("b", { labels: { app: "db" } }));
    expect(seen).toEqual([]);
    api.loop.drain();
    expect(seen).toEqual(["ADDED a"]);
    expect(api.list("pods", { labelSelector: "app in (web,db)" }).items.map((p) => p.metadata.name)).toEqual([
      "a",
      "b",
    ]);
  });

  it("allocates 10.96.0.10 when asked and rejects an address outside the service CIDR", () => {
    const api = server();
    const svc = api.create("services", {
      metadata: { name: "dns" },
      spec: { clusterIP: "10.96.0.10", ports: [{ port: 53 }] },
    });
    expect((svc.spec as { clusterIP: string }).clusterIP).toBe("10.96.0.10");
    const e = statusOf(() =>
      api.create("services", {
        metadata: { name: "bad" },
        spec: { clusterIP: "10.0.0.1", ports: [{ port: 80 }] },
      }),
    );
    expect(e.message).toContain("The range of valid IPs is 10.96.0.0/12");
  });
});
