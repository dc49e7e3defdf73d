import { describe, expect, it } from "vitest";
import type { Node } from "../../sandbox/api/types.ts";
import { NodeInfo } from "../../sandbox/scheduler/node-info.ts";
import { OwnerSpread } from "../../sandbox/scheduler/owner-spread.ts";

const node = (name: string): Node =>
  ({ apiVersion: "v1", kind: "Node", metadata: { name }, spec: {} }) as Node;

describe("OwnerSpread", () => {
  it("counts each owner's pods per node and forgets empty counts", () => {
    const s = new OwnerSpread();
    const a = new NodeInfo(node("a"), s);
    const b = new NodeInfo(node("b"), s);
    s.add("rs1", a, 1);
    s.add("rs1", a, 1);
    s.add("rs1", b, 1);
    s.add("rs2", b, 1);
    expect([...(s.of("rs1") ?? [])]).toEqual([
      [a, 2],
      [b, 1],
    ]);
    s.add("rs2", b, -1);
    expect(s.of("rs2")).toBeUndefined();
    s.add("rs3", a, -1);
    expect(s.of("rs3")).toBeUndefined();
    s.forget(a);
    expect([...(s.of("rs1") ?? [])]).toEqual([[b, 1]]);
  });
});
