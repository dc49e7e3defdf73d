import { describe, expect, it } from "vitest";
import { CompactedError, Etcd } from "../../sandbox/etcd/store.ts";

describe("etcd", () => {
  it("numbers every write with a new revision and keeps create/mod revisions and versions", () => {
    const e = new Etcd();
    const a = e.put("/registry/pods/default/a", { n: 1 });
    const b = e.put("/registry/pods/default/a", { n: 2 });
    expect(a.createRevision).toBe(2);
    expect(b.createRevision).toBe(2);
    expect(b.modRevision).toBe(3);
    expect(b.version).toBe(2);
    expect(e.revision()).toBe(3);
  });

  it("ranges over a prefix in byte order", () => {
    const e = new Etcd();
    for (const k of [
      "/registry/pods/b/x",
      "/registry/minions/n1",
      "/registry/pods/a/y",
      "/registry/pods/a/x",
    ])
      e.put(k, {});
    expect(e.range("/registry/pods/").map((kv) => kv.key)).toEqual([
      "/registry/pods/a/x",
      "/registry/pods/a/y",
      "/registry/pods/b/x",
    ]);
  });

  it("replays history to a watch that starts from an old revision, then streams live changes", () => {
    const e = new Etcd();
    e.put("/k/1", 1);
    const from = e.revision();
    e.put("/k/2", 2);
    e.delete("/k/1");
    const seen: string[] = [];
    e.watch("/k/", (ev) => seen.push(`${ev.type} ${ev.kv.key}`), from);
    e.put("/k/3", 3);
    expect(seen).toEqual(["PUT /k/2", "DELETE /k/1", "PUT /k/3"]);
  });

  it("refuses a watch from a compacted revision", () => {
    const e = new Etcd({ historyLimit: 2 });
    for (let i = 0; i < 10; i++) e.put(`/k/${i}`, i);
    expect(() => e.watch("/k/", () => {}, 1)).toThrow(CompactedError);
  });

  it("writes conditionally only when the modRevision still matches", () => {
    const e = new Etcd();
    const kv = e.put("/k", 1);
    expect(e.putIf("/k", kv.modRevision + 5, 2)).toBeUndefined();
    expect(e.putIf("/k", kv.modRevision, 2)?.value).toBe(2);
  });

  it("finds every key however it is shaped, whatever was read or written before", () => {
    const e = new Etcd();
    const keys = [
      "/foo/",
      "/foo/bar",
      "foo",
      "a/b/c",
      "/registry/pods/",
      "/registry/pods/a/x",
      "/r/p/q",
      "/r/p",
    ];
    // Touch many resources between writes, so the recently used buckets keep changing.
    for (let i = 0; i < 8; i++) e.put(`/registry/r${i}/x`, i);
    keys.forEach((k, i) => {
      e.put(k, i);
      for (let j = 0; j < 8; j++) e.get(`/registry/r${j}/x`);
    });
    for (let j = 0; j < 8; j++) e.get(`/registry/r${j}/x`);
    for (const [i, k] of keys.entries()) expect(e.get(k)?.value).toBe(i);
    expect(e.range("/foo").map((kv) => kv.key)).toEqual(["/foo/", "/foo/bar"]);
    expect(e.range("/r/p").map((kv) => kv.key)).toEqual(["/r/p", "/r/p/q"]);
    expect(e.range("").length).toBe(keys.length + 8);
    e.delete("/foo/bar");
    expect(e.get("/foo/bar")).toBeUndefined();
    expect(e.range("/foo/").map((kv) => kv.key)).toEqual(["/foo/"]);
  });
});
