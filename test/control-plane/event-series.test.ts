// The events.k8s.io/v1 recorder, as client-go's tools/events: isomorphic events become one series whose
// first repeat is written at once and whose later ones are written by the periodic finish and refresh checks.
import { describe, expect, it } from "vitest";
import type { Event, KubeObject } from "../../sandbox/api/types.ts";
import { FINISH_MS, REFRESH_MS, SeriesRecorder } from "../../sandbox/client/event-series.ts";
import { bareApiServer } from "../support/api-server.ts";

function plane() {
  const { api, loop } = bareApiServer({ random: 5 });
  const recorder = new SeriesRecorder(api, "default-scheduler", "controlplane");
  recorder.start();
  const events = () => api.list<Event>("events", { namespace: "default" }).items;
  return { loop, api, recorder, events };
}

const pod = (rv = "10", name = "big"): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", uid: `uid-${name}`, resourceVersion: rv },
});

const fail = (p: ReturnType<typeof plane>, note = "0/3 nodes are available.", rv = "10") =>
  p.recorder.eventf(pod(rv), "Warning", "FailedScheduling", "Scheduling", note);

describe("SeriesRecorder: the stored event", () => {
  it("writes the core/v1 view of an events.k8s.io/v1 event", () => {
    const p = plane();
    p.loop.advance(1234);
    p.recorder.eventf(pod(), "Normal", "Scheduled", "Binding", "Successfully assigned default/big to node01");
    const [ev, ...rest] = p.events();
    expect(rest).toEqual([]);
    expect(ev.metadata.name).toMatch(/^big\.[0-9a-f]+$/);
    expect(ev).toMatchObject({
      action: "Binding",
      eventTime: "2025-01-15T09:00:01.234000Z",
      firstTimestamp: null,
      lastTimestamp: null,
      source: {},
      reason: "Scheduled",
      message: "Successfully assigned default/big to node01",
      type: "Normal",
      reportingComponent: "default-scheduler",
      reportingInstance: "default-scheduler-controlplane",
      involvedObject: {
        kind: "Pod",
        name: "big",
        namespace: "default",
        uid: "uid-big",
        resourceVersion: "10",
      },
    });
    expect(ev).not.toHaveProperty("count");
    expect(ev).not.toHaveProperty("series");
  });

  it("is found by kubectl's involvedObject field selector", () => {
    const p = plane();
    fail(p);
    p.recorder.eventf(pod("3", "other"), "Warning", "FailedScheduling", "Scheduling", "x");
    const found = p.api.list<Event>("events", {
      namespace: "default",
      fieldSelector: "involvedObject.name=big,involvedObject.namespace=default,involvedObject.uid=uid-big",
    }).items;
    expect(found.map((e) => e.involvedObject.name)).toEqual(["big"]);
  });
});

describe("SeriesRecorder: series", () => {
  it("writes the first repeat at once as series.count 2 on the same event", () => {
    const p = plane();
    fail(p);
    p.loop.advance(2000);
    fail(p);
    const [ev, ...rest] = p.events();
    expect(rest).toEqual([]);
    expect(ev.series).toEqual({ count: 2, lastObservedTime: "2025-01-15T09:00:02.000000Z" });
    expect(ev.eventTime).toBe("2025-01-15T09:00:00.000000Z");
  });

  it("folds a repeat with a different note into the series, keeping the first note", () => {
    const p = plane();
    fail(p, "0/3 nodes are available.");
    p.loop.advance(1000);
    fail(p, "0/4 nodes are available.");
    const [ev, ...rest] = p.events();
    expect(rest).toEqual([]);
    expect(ev.message).toBe("0/3 nodes are available.");
    expect(ev.series?.count).toBe(2);
  });

  it("starts a new event for a newer resourceVersion of the object", () => {
    const p = plane();
    fail(p, "n", "10");
    fail(p, "n", "11");
    expect(p.events().map((e) => e.involvedObject.resourceVersion)).toEqual(["10", "11"]);
    expect(p.events().every((e) => e.series === undefined)).toBe(true);
  });

  it("keeps later repeats in memory until the finish check writes them", () => {
    const p = plane();
    fail(p);
    p.loop.advance(1000);
    fail(p);
    p.loop.advance(1000);
    fail(p);
    p.loop.advance(1000);
    fail(p);
    expect(p.events()[0].series?.count).toBe(2);
    // Checks fall every 6 min from the start; the one at 12 min is the first that finds the last repeat
    // (at 3 s) more than 6 min old.
    p.loop.advance(2 * FINISH_MS - 3000 - 1);
    expect(p.events()[0].series?.count).toBe(2);
    p.loop.advance(1);
    expect(p.events()[0].series).toEqual({ count: 4, lastObservedTime: "2025-01-15T09:00:03.000000Z" });
  });

  it("forgets a finished series: the next repeat is a new event", () => {
    const p = plane();
    fail(p);
    fail(p);
    p.loop.advance(2 * FINISH_MS);
    fail(p);
    expect(p.events().map((e) => e.series?.count)).toEqual([2, undefined]);
  });

  it("forgets a singleton at the first check that finds it more than 6 min old", () => {
    // The check at 6 min finds it exactly 6 min old and keeps it; the one at 12 min drops it.
    const kept = plane();
    fail(kept);
    kept.loop.advance(2 * FINISH_MS - 1);
    fail(kept);
    expect(kept.events().map((e) => e.series?.count)).toEqual([2]);
    const dropped = plane();
    fail(dropped);
    dropped.loop.advance(2 * FINISH_MS);
    fail(dropped);
    expect(dropped.events().map((e) => e.series?.count)).toEqual([undefined, undefined]);
  });

  it("rewrites a live series every 30 min", () => {
    const p = plane();
    fail(p);
    fail(p);
    // Observed every 5 min, so the finish checks leave it alone; the refresh at 30 min writes its count.
    for (let i = 0; i < 5; i++) {
      p.loop.advance(5 * 60_000);
      fail(p);
    }
    expect(p.events()[0].series?.count).toBe(2);
    p.loop.advance(REFRESH_MS - 25 * 60_000);
    expect(p.events()[0].series).toEqual({ count: 7, lastObservedTime: "2025-01-15T09:25:00.000000Z" });
  });

  it("creates the event anew under its name when it was deleted", () => {
    const p = plane();
    fail(p);
    const name = p.events()[0].metadata.name!;
    p.api.delete("events", "default", name);
    fail(p);
    const [ev] = p.events();
    expect(ev.metadata.name).toBe(name);
    expect(ev.series?.count).toBe(2);
  });

  it("loses what a stopped process had not written, and starts afresh", () => {
    const p = plane();
    fail(p);
    fail(p);
    fail(p);
    p.recorder.stop();
    p.loop.advance(2 * FINISH_MS);
    expect(p.events()[0].series?.count).toBe(2);
    p.recorder.start();
    fail(p);
    expect(p.events()).toHaveLength(2);
  });
});
