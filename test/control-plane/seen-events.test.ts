import { describe, expect, it } from "vitest";
import type { Event } from "../../sandbox/api/types.ts";
import { type EventIdentity, eventHash, objectHash, SeenEvents } from "../../sandbox/client/seen-events.ts";

const id = (n: number, message = `m${n % 7}`, fieldPath = ""): EventIdentity => ({
  kind: "Pod",
  namespace: "default",
  name: `p${n}`,
  uid: `u${n}`,
  apiVersion: "v1",
  fieldPath,
  type: "Normal",
  reason: "Started",
  message,
});

// The Event a recorder writes for an identity (an empty field path is left out, as the recorder leaves it).
const eventOf = (i: EventIdentity, name: string): Event => ({
  apiVersion: "v1",
  kind: "Event",
  metadata: { name, namespace: i.namespace },
  involvedObject: {
    kind: i.kind,
    namespace: i.namespace,
    name: i.name,
    uid: i.uid,
    apiVersion: i.apiVersion,
    ...(i.fieldPath ? { fieldPath: i.fieldPath } : {}),
  },
  reason: i.reason,
  message: i.message,
  type: i.type as Event["type"],
});

const hashOf = (i: EventIdentity) => eventHash(i, objectHash(i));

// The name of the Event remembered for an identity, if any.
const nameOf = (s: SeenEvents, i: EventIdentity) => {
  const slot = s.find(i, hashOf(i));
  return slot < 0 ? undefined : s.event(slot).metadata.name;
};

// Remember a new identity's Event, or keep a newer Event for one remembered.
const put = (s: SeenEvents, i: EventIdentity, name: string) => {
  const slot = s.find(i, hashOf(i));
  if (slot < 0) s.add(hashOf(i), eventOf(i, name));
  else s.keep(slot, eventOf(i, name));
};

describe("SeenEvents", () => {
  it("finds an identity by its content, not its object", () => {
    const s = new SeenEvents(8);
    put(s, id(1), "e1");
    expect(nameOf(s, id(1))).toBe("e1");
    expect(nameOf(s, id(1, "other"))).toBeUndefined();
    expect(nameOf(s, id(1, "m1", "spec.containers{web}"))).toBeUndefined();
    expect(nameOf(s, { ...id(1), type: "Warning" })).toBeUndefined();
    put(s, id(2, "m2", "spec.containers{web}"), "e2");
    expect(nameOf(s, id(2, "m2", "spec.containers{web}"))).toBe("e2");
    expect(nameOf(s, id(2, "m2"))).toBeUndefined();
  });

  it("counts the observations of each event, starting at one", () => {
    const s = new SeenEvents(8);
    const slot = s.add(hashOf(id(1)), eventOf(id(1), "e1"));
    expect(s.count(slot)).toBe(1);
    expect(s.repeat(slot)).toBe(2);
    expect(s.repeat(slot)).toBe(3);
    s.keep(slot, eventOf(id(1), "e1"));
    expect(s.count(s.find(id(1), hashOf(id(1))))).toBe(3);
  });

  it("forgets the oldest first, as a map in insertion order bounded by the limit", () => {
    const limit = 5;
    const s = new SeenEvents(limit);
    const model = new Map<string, string>();
    // A fixed pseudo-random walk over 12 identities: repeats, overwrites and evictions.
    let x = 7;
    for (let step = 0; step < 400; step++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const n = x % 12;
      const key = JSON.stringify(id(n));
      expect(nameOf(s, id(n))).toBe(model.get(key));
      if (!model.has(key) && model.size >= limit) model.delete(model.keys().next().value as string);
      model.set(key, `e${step}`);
      put(s, id(n), `e${step}`);
      expect(s.size).toBe(model.size);
    }
    for (let n = 0; n < 12; n++) expect(nameOf(s, id(n))).toBe(model.get(JSON.stringify(id(n))));
  });

  it("stays a bounded insertion-order map over many identities (its table grows and entries leave it)", () => {
    const limit = 64;
    const s = new SeenEvents(limit);
    const model = new Map<string, string>();
    let x = 3;
    for (let step = 0; step < 6000; step++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const n = x % 300;
      const key = JSON.stringify(id(n));
      expect(nameOf(s, id(n))).toBe(model.get(key));
      if (!model.has(key) && model.size >= limit) model.delete(model.keys().next().value as string);
      model.set(key, `e${step}`);
      put(s, id(n), `e${step}`);
    }
    for (let n = 0; n < 300; n++) expect(nameOf(s, id(n))).toBe(model.get(JSON.stringify(id(n))));
  });
});
