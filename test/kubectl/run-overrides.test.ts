import { describe, expect, it } from "vitest";
import { makeHarness } from "./harness.ts";

function podSpec(h: ReturnType<typeof makeHarness>, name: string) {
  return h.api.get<{ spec: Record<string, unknown> } & import("../../sandbox/api/types.ts").KubeObject>(
    "pods",
    "default",
    name,
  ).spec;
}

describe("kubectl run --overrides", () => {
  it("merges a JSON merge patch into the generated pod (the default type)", () => {
    const h = makeHarness();
    const r = h.kubectl(`run web --image=nginx --overrides={"spec":{"nodeName":"node01"}}`);
    expect(r).toEqual({ stdout: "pod/web created\n", stderr: "", exitCode: 0 });
    expect(podSpec(h, "web").nodeName).toBe("node01");
  });

  it("shows the override in a client dry run", () => {
    const h = makeHarness();
    const r = h.kubectl(
      `run web --image=nginx --dry-run=client -o yaml --overrides={"spec":{"hostNetwork":true}}`,
    );
    expect(r.stdout).toContain("  hostNetwork: true\n");
  });

  it("replaces lists with a merge patch but merges containers by name with a strategic one", () => {
    const patch = `{"spec":{"containers":[{"name":"web","imagePullPolicy":"Never"}]}}`;
    const merged = makeHarness();
    merged.kubectl(`run web --image=nginx --override-type=strategic --overrides=${patch}`);
    const c = (podSpec(merged, "web").containers as { image: string; imagePullPolicy: string }[])[0];
    expect([c.image, c.imagePullPolicy]).toEqual(["nginx", "Never"]);
    const replaced = makeHarness();
    const r = replaced.kubectl(`run web --image=nginx --overrides=${patch}`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("spec.containers[0].image: Required value");
  });

  it("applies a JSON patch", () => {
    const h = makeHarness();
    h.kubectl(
      `run web --image=nginx --override-type=json --overrides=[{"op":"add","path":"/spec/nodeName","value":"node02"}]`,
    );
    expect(podSpec(h, "web").nodeName).toBe("node02");
  });

  it("rejects an override that is not JSON, creating nothing", () => {
    const h = makeHarness();
    const rev = h.etcd.revision();
    expect(h.kubectl(`run web --image=nginx --overrides={bad`)).toEqual({
      stdout: "",
      stderr: "error: Invalid JSON Patch\n",
      exitCode: 1,
    });
    expect(h.etcd.revision()).toBe(rev);
  });

  it("rejects an unknown override type", () => {
    const r = makeHarness().kubectl(`run web --image=nginx --override-type=xml --overrides={}`);
    expect(r.stderr).toBe("error: invalid override type: xml\n");
  });
});
