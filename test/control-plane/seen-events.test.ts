import { describe, expect, it } from "vitest";
import type { Event } from "../../sandbox/api/types.ts";
import { type EventIdentity, SeenEvents } from "../../sandbox/client/seen-events.ts";

const id = (n: number, message = `m${n % 7}`, fieldPath = ""): EventIdentity => ({
  kind: "Pod",
  namespace: "default",
  name: `p${n}`,
  uid: `u${n}`,
  fieldPath,
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
    ...(i.fieldPath ? { fieldPath: i.fieldPath } : {}),
  },
  reason: i.reason,
  message: i.message,
});

const nameOf = (s: SeenEvents, i: EventIdentity) => s.get(i)?.metadata.name;

describe("SeenEvents", () => {
  it("finds an identity by its content, not its object", () => {
    const s = new SeenEvents(8);
    s.set(id(1), eventOf(id(1), "e1"));
    expect(nameOf(s, id(1))).toBe("e1");
    expect(nameOf(s, id(1, "other"))).toBeUndefined();
    expect(nameOf(s, id(1, "m1", "spec.containers{web}"))).toBeUndefined();
    s.set(id(2, "m2", "spec.containers{web}"), eventOf(id(2, "m2", "spec.containers{web}"), "e2"));
    expect(nameOf(s, id(2, "m2", "spec.containers{web}"))).toBe("e2");
    expect(nameOf(s, id(2, "m2"))).toBeUndefined();
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
      if (model.size >= limit) model.delete(model.keys().next().value as string);
      model.set(key, `e${step}`);
      s.set(id(n), eventOf(id(n), `e${step}`));
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
      if (model.size >= limit) model.delete(model.keys().next().value as string);
      model.set(key, `e${step}`);
      s.set(id(n), eventOf(id(n), `e${step}`));
    }
    for (let n = 0; n < 300; n++) expect(nameOf(s, id(n))).toBe(model.get(JSON.stringify(id(n))));
  });

  it("answers with the Event last set for an identity, for lookups with or without a get first", () => {
    const limit = 5;
    const looked = new SeenEvents(limit);
    const blind = new SeenEvents(limit);
    let x = 11;
    for (let step = 0; step < 400; step++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const n = x % 12;
      const ev = eventOf(id(n), `e${step}`);
      looked.get(id(n));
      looked.set(id(n), ev);
      blind.set(id(n), ev);
      expect(looked.get(id(n))).toBe(ev);
    }
    for (let n = 0; n < 12; n++) expect(nameOf(looked, id(n))).toBe(nameOf(blind, id(n)));
  });
});
