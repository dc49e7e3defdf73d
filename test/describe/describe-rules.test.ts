import { describe, expect, it } from "vitest";
import type { EndpointSlice, Event } from "../../sandbox/api/types.ts";
import { humanDuration, rfc1123z } from "../../sandbox/kubectl/describe/duration.ts";
import { describeEvents } from "../../sandbox/kubectl/describe/events.ts";
import { smartLabel } from "../../sandbox/kubectl/describe/generic.ts";
import { describeObject } from "../../sandbox/kubectl/describe/index.ts";
import { printTolerations } from "../../sandbox/kubectl/describe/multiline.ts";
import {
  addQuantity,
  canonical,
  formatQuantity,
  parseQuantity,
} from "../../sandbox/kubectl/describe/quantity.ts";
import { formatEndpointSlices } from "../../sandbox/kubectl/describe/service.ts";
import { TabWriter } from "../../sandbox/kubectl/describe/tabwriter.ts";
import { tabbedString } from "../../sandbox/kubectl/describe/writer.ts";
import { ago, NOW, nginxPod, webDeployment, webReplicaSet } from "./fixtures.ts";

describe("describe tabwriter", () => {
  it("pads each column to its widest cell plus two spaces", () => {
    const tw = new TabWriter();
    tw.write("Name:\tnginx\nService Account:\tdefault\n");
    expect(tw.result()).toBe("Name:             nginx\nService Account:  default\n");
  });

  it("starts new column widths after a line without tabs", () => {
    const tw = new TabWriter();
    tw.write("Long label here:\tx\nIPs:\n  IP:\t10.0.0.1\n");
    expect(tw.result()).toBe("Long label here:  x\nIPs:\n  IP:  10.0.0.1\n");
  });

  it("keeps the padding of a tab-terminated cell before an empty last cell", () => {
    const tw = new TabWriter();
    tw.write("Medium:\t\nSizeLimit:\t<unset>\n");
    expect(tw.result()).toBe("Medium:     \nSizeLimit:  <unset>\n");
  });
});

describe("describe durations", () => {
  it("renders ages with the human-duration table", () => {
    const cases: [number, string][] = [
      [59, "59s"],
      [119, "119s"],
      [125, "2m5s"],
      [600, "10m"],
      [10800, "3h"],
      [190800, "2d5h"],
      [63331200, "2y3d"],
    ];
    for (const [s, want] of cases) expect(humanDuration(s * 1000)).toBe(want);
  });

  it("formats timestamps as RFC 1123 with a numeric zone", () => {
    expect(rfc1123z("2006-01-02T15:04:05Z")).toBe("Mon, 02 Jan 2006 15:04:05 +0000");
  });
});

describe("describe events", () => {
  const ev = (reason: string, first: number, last: number, count: number): Event => ({
    metadata: { name: reason },
    involvedObject: { name: "x" },
    type: "Warning",
    reason,
    message: " Back-off restarting failed container \n",
    source: { component: "kubelet" },
    firstTimestamp: ago(first),
    lastTimestamp: ago(last),
    count,
  });

  it("prints repeated events as `<last> (xN over <first>)` and trims messages", () => {
    const out = tabbedString((w) => describeEvents(w, [ev("BackOff", 300, 20, 3)], NOW));
    expect(out).toContain(
      "Warning  BackOff  20s (x3 over 5m)  kubelet  Back-off restarting failed container\n",
    );
  });

  it("sorts events by last timestamp, oldest first", () => {
    const out = tabbedString((w) =>
      describeEvents(w, [ev("Later", 50, 10, 1), ev("Earlier", 60, 60, 1)], NOW),
    );
    expect(out.indexOf("Earlier")).toBeLessThan(out.indexOf("Later"));
  });

  it("prints `Events:  <none>` aligned with the block before it", () => {
    const out = tabbedString((w) => {
      w.write(0, "QoS Class:\tBestEffort\n");
      describeEvents(w, [], NOW);
    });
    expect(out).toBe("QoS Class:  BestEffort\nEvents:     <none>\n");
  });
});

describe("kubectl describe pod status", () => {
  it("prints Terminating with its age and the grace period", () => {
    const pod = nginxPod();
    pod.metadata.deletionTimestamp = ago(12);
    pod.metadata.deletionGracePeriodSeconds = 30;
    const out = describeObject("pods", pod, { now: NOW, events: [], related: {} });
    expect(out).toContain(
      "Status:                    Terminating (lasts 12s)\nTermination Grace Period:  30s\n",
    );
  });

  it("keeps the phase of a terminal pod that is being deleted", () => {
    const pod = nginxPod();
    pod.metadata.deletionTimestamp = ago(12);
    pod.status!.phase = "Succeeded";
    const out = describeObject("pods", pod, { now: NOW, events: [], related: {} });
    expect(out).toMatch(/^Status: +Succeeded$/m);
  });
});

describe("describe tolerations", () => {
  it("prints key, value, effect, op=Exists and seconds as kubectl does", () => {
    const out = tabbedString((w) =>
      printTolerations(w, "Tolerations", [
        { operator: "Exists" },
        { key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" },
        {
          key: "node.kubernetes.io/not-ready",
          operator: "Exists",
          effect: "NoExecute",
          tolerationSeconds: 300,
        },
      ]),
    );
    expect(out).toBe(
      "Tolerations:  op=Exists\n              dedicated=gpu:NoSchedule\n" +
        "              node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n",
    );
  });
});

describe("describe quantities", () => {
  it("prints canonical forms", () => {
    expect(canonical("0.1")).toBe("100m");
    expect(canonical("1000m")).toBe("1");
    expect(canonical("1024Mi")).toBe("1Gi");
    expect(canonical("1000")).toBe("1k");
    expect(canonical("712126563583")).toBe("712126563583");
  });

  it("adds in the first quantity's format", () => {
    const sum = addQuantity(parseQuantity("64Mi"), parseQuantity("64Mi"));
    expect(formatQuantity(sum)).toBe("128Mi");
    expect(formatQuantity(addQuantity(parseQuantity("0"), parseQuantity("50Mi")))).toBe("50Mi");
  });
});

describe("describe generic labels", () => {
  it("titles camelCase field names with known acronyms", () => {
    expect(smartLabel("apiVersion")).toBe("API Version");
    expect(smartLabel("leaseDurationSeconds")).toBe("Lease Duration Seconds");
    expect(smartLabel("uid")).toBe("UID");
    expect(smartLabel("podCIDR")).toBe("Pod CIDR");
    expect(smartLabel("ipv4")).toBe("ipv4");
  });
});

describe("describe service endpoints", () => {
  const slice = (ready: boolean[]): EndpointSlice => ({
    metadata: { name: "web-abc" },
    addressType: "IPv4",
    endpoints: ready.map((r, i) => ({ addresses: [`10.244.1.${i + 1}`], conditions: { ready: r } })),
    ports: [{ name: "", port: 80, protocol: "TCP" }],
  });

  it("lists three ready endpoints and counts the rest", () => {
    expect(formatEndpointSlices([slice([true, true, true, true, true])], "")).toBe(
      "10.244.1.1:80,10.244.1.2:80,10.244.1.3:80 + 2 more...",
    );
  });

  it("skips endpoints that are not ready", () => {
    expect(formatEndpointSlices([slice([false, true])], "")).toBe("10.244.1.2:80");
  });

  it("prints <none> without slices and nothing for a slice without endpoints", () => {
    expect(formatEndpointSlices([], "")).toBe("<none>");
    expect(formatEndpointSlices([slice([])], "")).toBe("");
  });
});

describe("kubectl describe deployment replica sets", () => {
  it("lists a superseded replica set under OldReplicaSets", () => {
    const old = webReplicaSet();
    old.metadata.name = "web-5f6d8b7c9a";
    old.metadata.creationTimestamp = ago(900);
    old.spec.replicas = 0;
    old.status = { replicas: 0 };
    old.spec.template.spec.containers[0].image = "nginx:1.26";
    const out = describeObject("deployments", webDeployment(), {
      now: NOW,
      events: [],
      related: { replicaSets: [webReplicaSet(), old] },
    });
    expect(out).toContain(
      "OldReplicaSets:  web-5f6d8b7c9a (0/0 replicas created)\nNewReplicaSet:   web-7d4b9c8f5d (3/3 replicas created)\n",
    );
  });
});
