import { describe, expect, it } from "vitest";
import { makeHarness } from "./harness.ts";

describe("deleting the namespaces the API server keeps", () => {
  it("refuses default, kube-system and kube-public (NamespaceLifecycle) and deletes the others", () => {
    const h = makeHarness();
    for (const ns of ["default", "kube-system", "kube-public"]) {
      const r = h.kubectl(`delete namespace ${ns}`);
      expect(r.stderr).toBe(
        `Error from server (Forbidden): namespaces "${ns}" is forbidden: this namespace may not be deleted\n`,
      );
      expect(r.exitCode).toBe(1);
      expect(h.api.get("namespaces", undefined, ns).metadata.deletionTimestamp).toBeUndefined();
    }
    expect(h.kubectl("delete namespace kube-system --dry-run=server").exitCode).toBe(1);
    expect(h.kubectl("delete namespace kube-node-lease --wait=false").stdout).toBe(
      'namespace "kube-node-lease" deleted\n',
    );
  });
});
