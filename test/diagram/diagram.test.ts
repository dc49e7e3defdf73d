import { describe, expect, it } from "vitest";
import { DiagramError, renderDiagram } from "../../sandbox/diagram/index.ts";
import { expectGolden } from "../support/golden.ts";
import { defaultSnapshot } from "./fixtures.ts";

describe("diagram cluster", () => {
  it("draws the control plane above the workers", () => {
    expectGolden("diagram/cluster.txt", renderDiagram("cluster", defaultSnapshot()));
  });
  it("is the default view", () => {
    expect(renderDiagram(undefined, defaultSnapshot())).toBe(renderDiagram("cluster", defaultSnapshot()));
  });
});

describe("diagram nodes", () => {
  it("draws each node with its pods and IPs", () => {
    expectGolden("diagram/nodes.txt", renderDiagram("nodes", defaultSnapshot()));
  });
  it("marks a NotReady node", () => {
    expect(renderDiagram("nodes", defaultSnapshot({ node02Ready: false }))).toContain(
      "+- node02  172.30.3.2  NotReady -",
    );
  });
});

describe("diagram pod", () => {
  it("draws the containers inside the pause container's network namespace", () => {
    expectGolden("diagram/pod-sidecar.txt", renderDiagram("pod default/app-with-sidecar", defaultSnapshot()));
  });
  it("draws a host-network pod without a pause box", () => {
    expectGolden(
      "diagram/pod-host-network.txt",
      renderDiagram("pod", defaultSnapshot(), "kube-system/etcd-controlplane"),
    );
  });
  it("reports a missing pod", () => {
    expect(() => renderDiagram("pod default/nope", defaultSnapshot())).toThrow(
      new DiagramError('pod "nope" not found in namespace "default"'),
    );
  });
});

describe("diagram service", () => {
  it("draws the ClusterIP in front of its endpoints", () => {
    expectGolden("diagram/service-web.txt", renderDiagram("service default/web", defaultSnapshot()));
  });
  it("says when a Service has no endpoints", () => {
    expect(renderDiagram("service nothing", defaultSnapshot())).toContain(
      "(no endpoints: no ready pod matches the selector)",
    );
  });
});

describe("diagram errors", () => {
  it("names the views for an unknown view", () => {
    expect(() => renderDiagram("pods", defaultSnapshot())).toThrow(
      /unknown diagram view "pods"; choose one of: cluster, nodes/,
    );
  });
  it("asks for an object when none is given", () => {
    expect(() => renderDiagram("service", defaultSnapshot())).toThrow(
      "diagram service needs an object: diagram service <namespace>/<name>",
    );
  });
});
