// The recorder's correlator, as client-go's (tools/record/events_cache.go): repeats fold into a count,
// similar events aggregate, and an object's spam is dropped by a token bucket over virtual time.
import { describe, expect, it } from "vitest";
import type { Event, KubeObject } from "../../sandbox/api/types.ts";
import { EventRecorder, type RecorderOptions } from "../../sandbox/client/events.ts";
import { SpamFilter } from "../../sandbox/client/spam-filter.ts";
import { createCluster } from "../../sandbox/cluster/cluster.ts";
import { bareApiServer } from "../support/api-server.ts";

function plane(component = "replicaset-controller", opts: RecorderOptions = {}) {
  const { api, loop } = bareApiServer({ random: 5 });
  const recorder = new EventRecorder(api, { component }, opts);
  const events = () => api.list<Event>("events", { namespace: "default" }).items;
  return { loop, api, recorder, events };
}

const rs = (name = "web-7d4b9c8f5d"): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: { name, namespace: "default", uid: `uid-${name}`, resourceVersion: "1" },
});

const created = (n: number) => `Created pod: web-7d4b9c8f5d-p${n}`;

describe("EventRecorder: repeats", () => {
  it("folds an exact repeat into one event whose count and last timestamp grow", () => {
    const p = plane();
    p.recorder.record(rs(), "Normal", "SuccessfulCreate", created(1));
    p.loop.advance(29_000);
    p.recorder.record(rs(), "Normal", "SuccessfulCreate", created(1));
    const [ev, ...rest] = p.events();
    expect(rest).toEqual([]);
    expect(ev.count).toBe(2);
    expect(ev.firstTimestamp).toBe("2025-01-15T09:00:00Z");
    expect(ev.lastTimestamp).toBe("2025-01-15T09:00:29Z");
    expect(ev.reportingComponent).toBe("replicaset-controller");
  });
});

describe("EventRecorder: aggregation of similar events", () => {
  it("writes nine distinct messages as themselves and the rest into one aggregate event", () => {
    const p = plane();
    for (let n = 0; n < 20; n++) {
      p.recorder.record(rs(), "Normal", "SuccessfulCreate", created(n));
      p.loop.advance(100);
    }
    const evs = p.events();
    expect(evs).toHaveLength(10);
    const plain = evs.filter((e) => !e.message?.startsWith("("));
    expect(plain.map((e) => e.message).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map(created).sort());
    expect(plain.every((e) => e.count === 1)).toBe(true);
    const agg = evs.find((e) => e.message?.startsWith("("))!;
    expect(agg.message).toBe(`(combined from similar events): ${created(19)}`);
    expect(agg.count).toBe(11);
    expect(agg.firstTimestamp).toBe("2025-01-15T09:00:00Z");
    expect(agg.lastTimestamp).toBe("2025-01-15T09:00:01Z");
    expect(agg.reason).toBe("SuccessfulCreate");
    expect(agg.source).toEqual({ component: "replicaset-controller" });
    // client-go builds the aggregate event without the reporting controller and instance.
    expect(agg.reportingComponent).toBe("");
    expect(agg.reportingInstance).toBe("");
    expect(agg.metadata.name).toMatch(/^web-7d4b9c8f5d\.[0-9a-f]+$/);
  });

  it("still folds a repeat of a remembered message into that message's own event", () => {
    const p = plane();
    for (let n = 0; n < 12; n++) p.recorder.record(rs(), "Normal", "SuccessfulCreate", created(n));
    p.recorder.record(rs(), "Normal", "SuccessfulCreate", created(0));
    const own = p.events().find((e) => e.message === created(0))!;
    expect(own.count).toBe(2);
    const agg = p.events().find((e) => e.message?.startsWith("("))!;
    expect(agg.count).toBe(3);
  });

  it("groups by object, type and reason", () => {
    const p = plane();
    for (let n = 0; n < 6; n++) {
      p.recorder.record(rs(), "Normal", "SuccessfulCreate", created(n));
      p.recorder.record(rs(), "Normal", "SuccessfulDelete", `Deleted pod: p${n}`);
      p.recorder.record(rs(), "Warning", "SuccessfulCreate", created(n));
      p.recorder.record(rs("other"), "Normal", "SuccessfulCreate", created(n));
    }
    expect(p.events()).toHaveLength(24);
    expect(p.events().some((e) => e.message?.startsWith("("))).toBe(false);
  });

  it("starts a group over after more than 600 s without a similar event, counting on into its aggregate", () => {
    const p = plane();
    for (let n = 0; n < 11; n++) p.recorder.record(rs(), "Normal", "SuccessfulCreate", created(n));
    // Exactly 600 s later the group is still alive: a new message goes into the aggregate.
    p.loop.advance(600_000);
    p.recorder.record(rs(), "Normal", "SuccessfulCreate", created(11));
    expect(p.events()).toHaveLength(10);
    p.loop.advance(600_001);
    for (let n = 12; n < 21; n++) p.recorder.record(rs(), "Normal", "SuccessfulCreate", created(n));
    expect(p.events()).toHaveLength(19);
    p.recorder.record(rs(), "Normal", "SuccessfulCreate", created(21));
    const aggs = p.events().filter((e) => e.message?.startsWith("("));
    expect(aggs).toHaveLength(1);
    expect(aggs[0].count).toBe(4);
    expect(aggs[0].message).toBe(`(combined from similar events): ${created(21)}`);
  });

  it("is off for a recorder that does not correlate (kube-scheduler's events.k8s.io recorder)", () => {
    const p = plane("default-scheduler", { correlate: false });
    for (let n = 0; n < 40; n++) p.recorder.record(rs(), "Warning", "FailedScheduling", `try ${n}`);
    expect(p.events()).toHaveLength(40);
  });
});

describe("EventRecorder: the spam filter", () => {
  it("drops a source's events about an object past a burst of 25, then lets one through per 300 s", () => {
    const p = plane();
    for (let n = 0; n < 30; n++) p.recorder.record(rs(), "Normal", `Reason${n}`, "m");
    expect(p.events()).toHaveLength(25);
    // Another object has its own bucket.
    p.recorder.record(rs("other"), "Normal", "Reason0", "m");
    expect(p.events()).toHaveLength(26);
    p.loop.advance(299_999);
    p.recorder.record(rs(), "Normal", "Late1", "m");
    expect(p.events()).toHaveLength(26);
    p.loop.advance(1);
    p.recorder.record(rs(), "Normal", "Late2", "m");
    p.recorder.record(rs(), "Normal", "Late3", "m");
    expect(p.events().map((e) => e.reason)).toContain("Late2");
    expect(p.events()).toHaveLength(27);
  });

  it("counts dropped repeats, so that the next repeat written shows them all", () => {
    const p = plane();
    for (let n = 0; n < 30; n++)
      p.recorder.record(rs(), "Warning", "BackOff", "Back-off restarting failed container");
    expect(p.events()[0].count).toBe(25);
    p.loop.advance(300_000);
    p.recorder.record(rs(), "Warning", "BackOff", "Back-off restarting failed container");
    const [ev, ...rest] = p.events();
    expect(rest).toEqual([]);
    expect(ev.count).toBe(31);
    expect(ev.firstTimestamp).toBe("2025-01-15T09:00:00Z");
  });

  it("writes an event whose first observation was dropped under its first name and time", () => {
    const p = plane();
    for (let n = 0; n < 25; n++) p.recorder.record(rs(), "Normal", `Reason${n}`, "m");
    p.recorder.record(rs(), "Warning", "Failed", "Error: ImagePullBackOff");
    p.loop.advance(300_000);
    p.recorder.record(rs(), "Warning", "Failed", "Error: ImagePullBackOff");
    const ev = p.events().find((e) => e.reason === "Failed")!;
    expect(ev.count).toBe(2);
    expect(ev.firstTimestamp).toBe("2025-01-15T09:00:00Z");
    expect(ev.lastTimestamp).toBe("2025-01-15T09:05:00Z");
  });
});

describe("SpamFilter", () => {
  const id = {
    kind: "Pod",
    namespace: "default",
    name: "p",
    uid: "u",
    apiVersion: "v1",
    fieldPath: "",
    type: "Normal",
    reason: "r",
    message: "m",
  };

  it("refills to no more than its burst however long it waits", () => {
    const f = new SpamFilter(16);
    let passed = 0;
    for (let n = 0; n < 30; n++) if (f.allow(id, 42, 0)) passed++;
    expect(passed).toBe(25);
    passed = 0;
    for (let n = 0; n < 30; n++) if (f.allow(id, 42, 86_400_000)) passed++;
    expect(passed).toBe(25);
  });
});

describe("kubectl describe rs after scaling past ten pods", () => {
  it("shows nine Created pod rows and one combined row counting the other eleven", () => {
    const cluster = createCluster({});
    const shell = cluster.shell();
    expect(shell.run("kubectl create deployment web --image=nginx --replicas=20").exitCode).toBe(0);
    shell.run("sleep 5");
    const out = shell.run("kubectl describe rs").stdout;
    const rows = out.slice(out.indexOf("Events:")).split("\n");
    const createdRows = rows.filter((r) => /SuccessfulCreate/.test(r));
    expect(createdRows).toHaveLength(10);
    expect(createdRows.filter((r) => /replicaset-controller {2}Created pod: web-/.test(r))).toHaveLength(9);
    expect(createdRows[9]).toMatch(
      /^ {2}Normal {2}SuccessfulCreate {2}\d+s \(x11 over \d+s\) {2}replicaset-controller {2}\(combined from similar events\): Created pod: web-[0-9a-z]+-[0-9a-z]{5}$/,
    );
  });
});
