// The series recorder's cache: events found by type, action, reason and the object's reference (read back
// from the remembered Event), kept in the order first observed, and swept of entries in place.
import { describe, expect, it } from "vitest";
import type { Event, KubeObject } from "../../sandbox/api/types.ts";
import { SeriesCache, seriesHash } from "../../sandbox/client/series-cache.ts";

const pod = (n: number, rv = "1"): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: `p${n}`, namespace: "default", uid: `u${n}`, resourceVersion: rv },
});

// The Event a series recorder writes about an object (only what the cache reads back matters here).
const eventOf = (o: KubeObject, reason: string, name: string): Event => ({
  apiVersion: "v1",
  kind: "Event",
  metadata: { name, namespace: "default" },
  involvedObject: {
    kind: o.kind,
    namespace: o.metadata.namespace,
    name: o.metadata.name,
    uid: o.metadata.uid,
    apiVersion: o.apiVersion,
    resourceVersion: o.metadata.resourceVersion,
  },
  reason,
  type: "Normal",
  action: "Binding",
});

const find = (c: SeriesCache, o: KubeObject, reason = "Scheduled") =>
  c.find(o, "Normal", "Binding", reason, seriesHash(o, reason));

const names = (c: SeriesCache) => {
  const out: string[] = [];
  c.forEach((slot) => {
    out.push(c.event(slot).metadata.name!);
  });
  return out;
};

describe("SeriesCache", () => {
  it("finds an event by its whole key, resourceVersion included", () => {
    const c = new SeriesCache();
    c.add(seriesHash(pod(1), "Scheduled"), eventOf(pod(1), "Scheduled", "e1"), 0);
    expect(c.event(find(c, pod(1))).metadata.name).toBe("e1");
    expect(find(c, pod(1, "2"))).toBe(-1);
    expect(find(c, pod(1), "Other")).toBe(-1);
    expect(c.find(pod(1), "Warning", "Binding", "Scheduled", seriesHash(pod(1), "Scheduled"))).toBe(-1);
    expect(c.find(pod(1), "Normal", "Scheduling", "Scheduled", seriesHash(pod(1), "Scheduled"))).toBe(-1);
    expect(find(c, { ...pod(1), kind: "Node" })).toBe(-1);
  });

  it("counts observations and keeps the first and last instants", () => {
    const c = new SeriesCache();
    const slot = c.add(seriesHash(pod(1), "Scheduled"), eventOf(pod(1), "Scheduled", "e1"), 5);
    expect(c.observe(slot, 9)).toBe(2);
    expect(c.observe(slot, 12)).toBe(3);
    expect([c.count(slot), c.first(slot), c.last(slot)]).toEqual([3, 5, 12]);
  });

  it("sweeps entries out in place, keeping the rest in order and findable, as a map in insertion order", () => {
    const c = new SeriesCache();
    const model = new Map<number, string>();
    let x = 11;
    for (let step = 0; step < 3000; step++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const n = x % 400;
      if (step % 150 === 149) {
        // Drop about a third, by a rule of the entry's values.
        const drop = (name: string) => Number(name.slice(1)) % 3 === step % 3;
        c.sweep((slot) => !drop(c.event(slot).metadata.name!));
        for (const [k, v] of model) if (drop(v)) model.delete(k);
        expect(names(c)).toEqual([...model.values()]);
        continue;
      }
      const slot = find(c, pod(n));
      expect(slot < 0 ? undefined : c.event(slot).metadata.name).toBe(model.get(n));
      if (slot < 0) {
        c.add(seriesHash(pod(n), "Scheduled"), eventOf(pod(n), "Scheduled", `e${step}`), step);
        model.set(n, `e${step}`);
      }
      expect(c.size).toBe(model.size);
    }
    for (let n = 0; n < 400; n++) {
      const slot = find(c, pod(n));
      expect(slot < 0 ? undefined : c.event(slot).metadata.name).toBe(model.get(n));
    }
    expect(names(c)).toEqual([...model.values()]);
  });

  it("empties on clear and fills again from the start", () => {
    const c = new SeriesCache();
    for (let n = 0; n < 40; n++)
      c.add(seriesHash(pod(n), "Scheduled"), eventOf(pod(n), "Scheduled", `e${n}`), n);
    c.clear();
    expect(c.size).toBe(0);
    expect(find(c, pod(3))).toBe(-1);
    c.add(seriesHash(pod(3), "Scheduled"), eventOf(pod(3), "Scheduled", "again"), 0);
    expect(names(c)).toEqual(["again"]);
  });
});
