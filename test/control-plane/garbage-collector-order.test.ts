import { describe, expect, it } from "vitest";
import type { Pod, Service } from "../../sandbox/api/types.ts";
import { createCluster } from "../../sandbox/index.ts";

describe("garbage collector", () => {
  it("deletes an owner's dependents in the order they last changed", () => {
    const c = createCluster();
    const svc = c.api.create<Service>("services", {
      metadata: { name: "owner", namespace: "default" },
      spec: { ports: [{ port: 80 }] },
    } as Service);
    const ref = { apiVersion: "v1", kind: "Service", name: "owner", uid: svc.metadata.uid! };
    for (const name of ["p1", "p2", "p3"])
      c.api.create<Pod>("pods", {
        metadata: { name, namespace: "default", ownerReferences: [ref] },
        spec: { containers: [{ name: "c", image: "nginx" }] },
      } as Pod);
    c.advance(30_000);
    for (const name of ["p3", "p1"])
      c.api.mutate<Pod>("pods", "default", name, (p) => {
        p.metadata.labels = { touched: "yes" };
        return true;
      });
    c.advance(1000);
    const order: string[] = [];
    c.etcd.watch("/registry/pods/", (ev) => {
      const name = ev.kv.key.split("/").pop()!;
      if (!order.includes(name)) order.push(name);
    });
    c.api.delete("services", "default", "owner");
    c.advance(5000);
    expect(order).toEqual(["p2", "p3", "p1"]);
  });
});
