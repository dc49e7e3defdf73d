import { describe, expect, it } from "vitest";
import { type EventIdentity, eventIdentity, SeenEvents } from "../../sandbox/client/seen-events.ts";

const id = (n: number, message = `m${n % 7}`): EventIdentity => ({
  kind: "Pod",
  namespace: "default",
  name: `p${n}`,
  uid: `u${n}`,
  fieldPath: "",
  reason: "Started",
  message,
});

describe("SeenEvents", () => {
  it("finds an identity by its content, not its object", () => {
    const s = new SeenEvents(8);
    s.set(id(1), "e1");
    expect(s.get(id(1))).toBe("e1");
    expect(s.get(id(1, "other"))).toBeUndefined();
    expect(s.get({ ...id(1), fieldPath: "spec.containers{web}" })).toBeUndefined();
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
      expect(s.get(id(n))).toBe(model.get(key));
      if (model.size >= limit) model.delete(model.keys().next().value as string);
      model.set(key, `e${step}`);
      s.set(id(n), `e${step}`);
    }
    for (let n = 0; n < 12; n++) expect(s.get(id(n))).toBe(model.get(JSON.stringify(id(n))));
  });

  it("keeps identities made by eventIdentity itself, with the same answers as copies", () => {
    const limit = 5;
    const copies = new SeenEvents(limit);
    const kept = new SeenEvents(limit);
    const made = (n: number) => {
      const i = id(n);
      return eventIdentity(i.kind, i.namespace, i.name, i.uid, i.fieldPath, i.reason, i.message);
    };
    let x = 11;
    for (let step = 0; step < 400; step++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const n = x % 12;
      const fresh = made(n);
      expect(kept.get(fresh)).toBe(copies.get(id(n)));
      copies.set(id(n), `e${step}`);
      kept.set(fresh, `e${step}`);
    }
    for (let n = 0; n < 12; n++) expect(kept.get(made(n))).toBe(copies.get(id(n)));
  });
});
