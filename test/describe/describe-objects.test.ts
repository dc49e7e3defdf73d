import { describe, expect, it } from "vitest";
import { describeObject } from "../../sandbox/kubectl/describe/index.ts";
import { expectGolden } from "../support/golden.ts";
import {
  defaultNamespace,
  kubeProxyPod,
  kubernetesEndpointSlice,
  kubernetesService,
  NOW,
  nginxEvents,
  nginxPod,
  node01,
  node01Events,
  node01Lease,
  webDeployment,
  webEvents,
  webPods,
  webReplicaSet,
} from "./fixtures.ts";

const allEvents = () => [...nginxEvents(), ...node01Events(), ...webEvents()];

describe("kubectl describe pod", () => {
  it("prints a running nginx pod with its start-up events", () => {
    const out = describeObject("pods", nginxPod(), { now: NOW, events: allEvents(), related: {} });
    expectGolden("describe/pod-nginx.txt", out);
  });

  it("prints Controlled By for a ReplicaSet's pod, which widens the IPs block", () => {
    const out = describeObject("pods", webPods()[0], { now: NOW, events: allEvents(), related: {} });
    expectGolden("describe/pod-web.txt", out);
  });
});

describe("kubectl describe node", () => {
  it("prints node01 with its lease, pods, allocated resources and events", () => {
    const pods = [nginxPod(), kubeProxyPod(), ...webPods()];
    const out = describeObject("nodes", node01(), {
      now: NOW,
      events: allEvents(),
      related: { pods, lease: node01Lease() },
    });
    expectGolden("describe/node-node01.txt", out);
  });
});

describe("kubectl describe deployment", () => {
  it("prints web with its pod template, conditions and new replica set", () => {
    const out = describeObject("deployments", webDeployment(), {
      now: NOW,
      events: allEvents(),
      related: { replicaSets: [webReplicaSet()] },
    });
    expectGolden("describe/deployment-web.txt", out);
  });
});

describe("kubectl describe replicaset", () => {
  it("prints the replica set with pod phase counts", () => {
    const out = describeObject("replicasets", webReplicaSet(), {
      now: NOW,
      events: allEvents(),
      related: { pods: webPods() },
    });
    expectGolden("describe/replicaset-web.txt", out);
  });
});

describe("kubectl describe service", () => {
  it("prints the kubernetes service with its endpoint from the EndpointSlice", () => {
    const out = describeObject("services", kubernetesService(), {
      now: NOW,
      events: allEvents(),
      related: { endpointSlices: [kubernetesEndpointSlice()] },
    });
    expectGolden("describe/service-kubernetes.txt", out);
  });
});

describe("kubectl describe namespace", () => {
  it("prints default with no quota and no limit range", () => {
    const out = describeObject("namespaces", defaultNamespace(), {
      now: NOW,
      events: allEvents(),
      related: {},
    });
    expectGolden("describe/namespace-default.txt", out);
  });
});

describe("kubectl describe (generic)", () => {
  it("prints a Lease as a titled field dump", () => {
    const out = describeObject("leases", node01Lease(), { now: NOW, events: [], related: {} });
    expectGolden("describe/lease-node01.txt", out);
  });

  it("leaves the Events section out with showEvents false", () => {
    const out = describeObject("pods", nginxPod(), {
      now: NOW,
      events: allEvents(),
      related: {},
      showEvents: false,
    });
    expect(out).not.toContain("Events:");
  });
});
