import { describe, expect, it } from "vitest";
import { makeHarness } from "./harness.ts";

const CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  k: v\n";

describe("kubectl --cascade", () => {
  it("rejects an unknown value in kubectl's words, without a period, and deletes nothing", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    h.loop.advance(1000);
    const rev = h.etcd.revision();
    expect(h.kubectl("delete deployment web --cascade=sideways")).toEqual({
      stdout: "",
      stderr: 'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"\n',
      exitCode: 1,
    });
    expect(h.etcd.revision()).toBe(rev);
  });

  it("takes a boolean with a deprecation warning: false orphans the dependents", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    h.loop.advance(1000);
    const r = h.kubectl("delete deployment web --cascade=false");
    expect(r.stderr).toBe(
      "warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n",
    );
    expect(r.stdout).toBe('deployment.apps "web" deleted\n');
    h.loop.advance(1000);
    expect(h.kubectl("get rs -o name").stdout).toMatch(/^replicaset\.apps\/web-[a-z0-9]+\n$/);
  });

  it("warns that true means background", () => {
    const h = makeHarness();
    h.kubectl("apply -f -", CM);
    expect(h.kubectl("delete cm cfg --cascade=True").stderr).toBe(
      "warning: --cascade=True is deprecated (boolean value) and can be replaced with --cascade=background.\n",
    );
  });

  it("is read by replace the same way", () => {
    const h = makeHarness();
    h.files.set("cm.yaml", CM);
    h.kubectl("apply -f cm.yaml");
    expect(h.kubectl("replace -f cm.yaml --cascade=no").stderr).toBe(
      'error: invalid cascade value (no). Must be "background", "foreground", or "orphan"\n',
    );
  });
});
