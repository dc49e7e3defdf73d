// The correlator's tables name an event's object by the reference its events keep, not by an identity of
// their own: a cluster-scoped object (no namespace in its reference) still has one group and one bucket.
import { describe, expect, it } from "vitest";
import type { Event, KubeObject } from "../../sandbox/api/types.ts";
import { EventRecorder } from "../../sandbox/client/events.ts";
import { namesObject } from "../../sandbox/client/seen-events.ts";
import { bareApiServer } from "../support/api-server.ts";

const node: KubeObject = { apiVersion: "v1", kind: "Node", metadata: { name: "node01", uid: "uid-node01" } };

function plane() {
  const { api, loop } = bareApiServer({ random: 5 });
  const recorder = new EventRecorder(api, { component: "kubelet", host: "node01" });
  const events = () => api.list<Event>("events", { namespace: "default" }).items;
  return { loop, api, recorder, events };
}

describe("EventRecorder: events about a cluster-scoped object", () => {
  it("aggregates a Node's similar events into one event", () => {
    const p = plane();
    for (let n = 0; n < 12; n++) p.recorder.record(node, "Normal", "NodeHasNoDiskPressure", `status ${n}`);
    const evs = p.events();
    expect(evs).toHaveLength(10);
    const agg = evs.find((e) => e.message?.startsWith("("))!;
    expect(agg.message).toBe("(combined from similar events): status 11");
    expect(agg.count).toBe(3);
    expect(agg.involvedObject.namespace).toBeUndefined();
  });

  it("drops a Node's spam past the burst of 25, counting it", () => {
    const p = plane();
    for (let n = 0; n < 30; n++) p.recorder.record(node, "Normal", `Reason${n % 3}`, `message ${n % 3}`);
    // Three events (one per reason) written 25 times in all; the last five observations were dropped.
    const evs = p.events();
    expect(evs.map((e) => e.count).sort()).toEqual([8, 8, 9]);
  });
});

describe("namesObject", () => {
  const id = {
    kind: "Node",
    namespace: "default",
    name: "node01",
    uid: "u",
    apiVersion: "v1",
    fieldPath: "",
    type: "Normal",
    reason: "r",
    message: "m",
  };

  it("reads a reference's absent fields as an identity's empty ones and its namespace as default", () => {
    expect(namesObject({ kind: "Node", name: "node01", uid: "u", apiVersion: "v1" }, id)).toBe(true);
    expect(namesObject({ kind: "Node", namespace: "", name: "node01", uid: "u", apiVersion: "v1" }, id)).toBe(
      true,
    );
    expect(namesObject(id, id)).toBe(true);
    expect(namesObject({ kind: "Node", name: "node01", apiVersion: "v1" }, id)).toBe(false);
    expect(
      namesObject({ kind: "Node", name: "node01", uid: "u", apiVersion: "v1" }, { ...id, uid: "" }),
    ).toBe(false);
    expect(
      namesObject({ kind: "Node", namespace: "kube-system", name: "node01", uid: "u", apiVersion: "v1" }, id),
    ).toBe(false);
  });
});
