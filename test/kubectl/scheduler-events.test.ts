// kube-scheduler's events as kubectl shows them: written through events.k8s.io/v1, so a Scheduled event has
// an eventTime and no timestamps or count, and a pending pod's repeated FailedScheduling is one series.
import { describe, expect, it } from "vitest";
import type { Event } from "../../sandbox/api/types.ts";
import { expectGolden } from "../support/golden.ts";
import { makeHarness } from "./harness.ts";

const BIG = `apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  containers:
  - name: big
    image: nginx
    resources:
      requests:
        cpu: "50"
`;

// A scheduled pod `web` and a pod `big` that fits nowhere, tried again after each node change: its first
// attempt is an event of its own (the condition it sets changes the pod's resourceVersion), the later
// ones one series.
function scene() {
  const h = makeHarness();
  h.kubectl("run web --image=nginx");
  h.loop.advance(1000);
  h.kubectl("apply -f -", BIG);
  for (const label of ["a=1", "b=1", "c=1"]) {
    h.loop.advance(15_000);
    h.kubectl(`label node node01 ${label}`);
  }
  h.loop.advance(20_000);
  return h;
}

describe("kube-scheduler events", () => {
  it("refers to the pod as it was before binding and writes no count or timestamps", () => {
    const h = scene();
    const web = h.api.get<{ metadata: { resourceVersion?: string } }>("pods", "default", "web");
    const [ev] = h.api.list<Event>("events", {
      namespace: "default",
      fieldSelector: "involvedObject.name=web",
    }).items;
    expect(Number(ev.involvedObject.resourceVersion)).toBeLessThan(Number(web.metadata.resourceVersion));
    expect(ev).toMatchObject({ action: "Binding", firstTimestamp: null, lastTimestamp: null, source: {} });
    expect(ev).not.toHaveProperty("count");
  });

  it("folds a pending pod's later attempts into one series", () => {
    const h = scene();
    const evs = h.api.list<Event>("events", {
      namespace: "default",
      fieldSelector: "involvedObject.name=big",
    }).items;
    expect(evs.map((e) => [e.action, e.series?.count])).toEqual([
      ["Scheduling", undefined],
      ["Scheduling", 2],
    ]);
  });

  it("prints get events", () => {
    expectGolden("kubectl/scheduler-events.txt", scene().kubectl("get events").stdout);
  });

  it("prints get events -o wide with the reporting instance as the source host", () => {
    const out = scene().kubectl("get events -o wide").stdout;
    expect(out).toContain("default-scheduler, default-scheduler-controlplane");
    expectGolden("kubectl/scheduler-events-wide.txt", out);
  });

  it("prints the series in describe pod as (xN over ...)", () => {
    const h = scene();
    // The series' third attempt is counted in memory; the finish check 6 min later writes it.
    h.loop.advance(12 * 60_000);
    const out = h.kubectl("describe pod big").stdout;
    expect(out).toContain("(x3 over ");
    expectGolden("kubectl/scheduler-events-describe-big.txt", out);
    expectGolden("kubectl/scheduler-events-describe-web.txt", h.kubectl("describe pod web").stdout);
  });
});
