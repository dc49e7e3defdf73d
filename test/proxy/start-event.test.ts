import { describe, expect, it } from "vitest";
import type { Event } from "../../sandbox/api/types.ts";
import { createCluster } from "../../sandbox/index.ts";

describe("kube-proxy's start event", () => {
  it("is an events.k8s.io/v1 event on its node: action StartKubeProxy, instance kube-proxy-<node>, no message", () => {
    const c = createCluster();
    const starts = c.api
      .list<Event>("events", { namespace: "default", fieldSelector: "reason=Starting" })
      .items.filter((e) => e.reportingComponent === "kube-proxy");
    expect(starts.map((e) => e.involvedObject.name).sort()).toEqual(["controlplane", "node01", "node02"]);
    for (const e of starts) {
      const node = e.involvedObject.name;
      expect(e).toMatchObject({
        action: "StartKubeProxy",
        reportingInstance: `kube-proxy-${node}`,
        involvedObject: { kind: "Node", name: node, uid: node },
        source: {},
        firstTimestamp: null,
        lastTimestamp: null,
      });
      expect(e.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      expect("message" in e).toBe(false);
    }
    const wide = c.shell().run("kubectl get events -o wide --field-selector reason=Starting").stdout;
    expect(wide).toMatch(/node\/node01\s+kube-proxy, kube-proxy-node01\s+\S+\s+1\s+node01\.[0-9a-f]+\n/);
  });
});
