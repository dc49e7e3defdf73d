import { describe, expect, it } from "vitest";
import type { Lease } from "../../sandbox/api/types.ts";
import { LeaderLease } from "../../sandbox/client/leader-election.ts";
import { createCluster } from "../../sandbox/index.ts";
import { microTime } from "../../sandbox/util/time.ts";
import { makeHarness } from "../kubectl/harness.ts";

const lease = (h: ReturnType<typeof makeHarness>) =>
  h.api.get<Lease>("leases", "kube-system", "kube-scheduler").spec;

describe("leader election", () => {
  it("takes a free lease, renews it every 2 s, and logs as client-go does", () => {
    const h = makeHarness();
    const logs: string[] = [];
    const a = new LeaderLease(h.api, "kube-scheduler");
    const t0 = h.loop.now();
    a.start("controlplane_a", (where, msg) => logs.push(`${where}] ${msg}`));
    expect(lease(h)).toEqual({
      acquireTime: microTime(t0),
      holderIdentity: "controlplane_a",
      leaseDurationSeconds: 15,
      leaseTransitions: 0,
      renewTime: microTime(t0),
    });
    expect(microTime(t0)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    h.loop.advance(5_000);
    expect(lease(h).renewTime).toBe(microTime(t0 + 4_000));
    expect(logs).toEqual([
      "leaderelection.go:257] attempting to acquire leader lease kube-system/kube-scheduler...",
      "leaderelection.go:271] successfully acquired lease kube-system/kube-scheduler",
    ]);
  });

  it("lets a new process take over only once the stopped holder's lease has expired", () => {
    const h = makeHarness();
    const a = new LeaderLease(h.api, "kube-scheduler");
    a.start("controlplane_a", () => {});
    h.loop.advance(1_000);
    a.stop();
    const logs: string[] = [];
    const b = new LeaderLease(h.api, "kube-scheduler");
    b.start("controlplane_b", (_w, msg) => logs.push(msg));
    h.loop.advance(10_000);
    expect(lease(h).holderIdentity).toBe("controlplane_a");
    expect(logs).toHaveLength(1);
    h.loop.advance(6_000);
    expect(lease(h)).toMatchObject({ holderIdentity: "controlplane_b", leaseTransitions: 1 });
    expect(logs[1]).toBe("successfully acquired lease kube-system/kube-scheduler");
  });

  it("gives a kubeadm cluster the scheduler's and controller manager's leases in kube-system", () => {
    const out = createCluster().shell().run("kubectl get leases -n kube-system --no-headers").stdout;
    // The API server's identity lease sorts first.
    expect(out).toMatch(
      /^apiserver-\S+ +apiserver-\S+ +\S+\nkube-controller-manager +controlplane_[0-9a-f-]{36} +\S+\nkube-scheduler +controlplane_[0-9a-f-]{36} +\S+\n$/,
    );
  });
});
