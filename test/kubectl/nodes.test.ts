import { describe, expect, it } from "vitest";
import { makeHarness } from "./harness.ts";

describe("kubectl cordon and uncordon", () => {
  it("cordons once, then says already cordoned", () => {
    const h = makeHarness();
    expect(h.kubectl("cordon node01").stdout).toBe("node/node01 cordoned\n");
    expect(h.kubectl("cordon node01").stdout).toBe("node/node01 already cordoned\n");
    expect(h.kubectl("uncordon node01").stdout).toBe("node/node01 uncordoned\n");
  });
});

describe("kubectl taint", () => {
  it("adds, refuses a duplicate, and removes", () => {
    const h = makeHarness();
    expect(h.kubectl("taint nodes node01 k=v:NoSchedule").stdout).toBe("node/node01 tainted\n");
    expect(h.kubectl("taint nodes node01 k=w:NoSchedule").stderr).toBe(
      "error: node node01 already has k taint(s) with same effect(s) and --overwrite is false\n",
    );
    expect(h.kubectl("taint nodes node01 k:NoSchedule-").stdout).toBe("node/node01 untainted\n");
    expect(h.kubectl("taint nodes node01 k:NoSchedule-").stderr).toBe(
      'error: taint "k:NoSchedule" not found\n',
    );
  });
});

describe("kubectl drain", () => {
  it("refuses unmanaged pods without --force", () => {
    const h = makeHarness();
    h.kubectl("run nginx --image=nginx");
    h.loop.advance(1000);
    const r = h.kubectl("drain node01");
    expect(r.stdout).toBe("node/node01 cordoned\n");
    expect(r.stderr).toBe(
      'error: unable to drain node "node01" due to error:cannot delete Pods that declare no controller (use --force to override): default/nginx, continuing command...\n' +
        "There are pending nodes to be drained:\n node01\n" +
        "cannot delete Pods that declare no controller (use --force to override): default/nginx\n",
    );
    expect(r.exitCode).toBe(1);
  });

  it("drains an empty node", () => {
    expect(makeHarness().kubectl("drain node01").stdout).toBe("node/node01 cordoned\nnode/node01 drained\n");
  });
});
