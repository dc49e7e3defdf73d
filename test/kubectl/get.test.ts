import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.ts";
import { makeHarness } from "./harness.ts";

describe("kubectl get", () => {
  it("prints the nodes table", () => {
    const r = makeHarness().kubectl("get nodes");
    expect(r).toEqual({
      stdout:
        "NAME           STATUS   ROLES           AGE   VERSION\ncontrolplane   Ready    control-plane   60s   v1.32.4\nnode01         Ready    <none>          60s   v1.32.4\n",
      stderr: "",
      exitCode: 0,
    });
  });

  it("prints No resources found to stderr with exit 0", () => {
    expect(makeHarness().kubectl("get pods")).toEqual({
      stdout: "",
      stderr: "No resources found in default namespace.\n",
      exitCode: 0,
    });
  });

  it("names no namespace for cluster-scoped or -A lists", () => {
    expect(makeHarness().kubectl("get pods -A").stderr).toBe("No resources found\n");
  });

  it("names the -n namespace in No resources found", () => {
    expect(makeHarness().kubectl("get pods,svc -n kube-public").stderr).toBe(
      "No resources found in kube-public namespace.\n",
    );
  });

  it("prints NotFound for each missing name and still prints the found ones", () => {
    const r = makeHarness().kubectl("get svc nope kubernetes other");
    expect(r.stdout).toBe(
      "NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   60s\n",
    );
    expect(r.stderr).toBe(
      'Error from server (NotFound): services "nope" not found\nError from server (NotFound): services "other" not found\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it("stays quiet about missing names with --ignore-not-found", () => {
    expect(makeHarness().kubectl("get pod x --ignore-not-found")).toEqual({
      stdout: "",
      stderr: "",
      exitCode: 0,
    });
  });

  it("rejects an unknown resource type", () => {
    expect(makeHarness().kubectl("get po,foo")).toEqual({
      stdout: "",
      stderr: 'error: the server doesn\'t have a resource type "foo"\n',
      exitCode: 1,
    });
  });

  it("groups several kinds with kind prefixes and one blank line", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx --replicas=2");
    h.kubectl("expose deploy web --port=80");
    h.loop.advance(5_000);
    expectGolden("kubectl/get-all.txt", h.kubectl("get all").stdout);
    expectGolden("kubectl/get-deploy-rs-wide.txt", h.kubectl("get deploy,rs -o wide").stdout);
  });

  it("prints -A, --show-labels and -o wide tables", () => {
    const h = makeHarness();
    expectGolden("kubectl/get-svc-all-namespaces-labels.txt", h.kubectl("get svc -A --show-labels").stdout);
    expectGolden("kubectl/get-nodes-wide.txt", h.kubectl("get nodes -o wide").stdout);
  });

  it("prints -o name and jsonpath", () => {
    const h = makeHarness();
    expect(h.kubectl("get ns -o name").stdout).toBe(
      "namespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\n",
    );
    expect(h.kubectl(["get", "svc", "kubernetes", "-o", "jsonpath={.spec.clusterIP}"]).stdout).toBe(
      "10.96.0.1",
    );
  });

  it("prints one object as YAML and a list as a List", () => {
    const h = makeHarness();
    expect(h.kubectl("get ns default -o yaml").stdout).toMatch(/^apiVersion: v1\nkind: Namespace\n/);
    expect(h.kubectl("get ns -o yaml").stdout).toMatch(/^apiVersion: v1\nitems:\n/);
  });

  it("rejects an unknown output format", () => {
    expect(makeHarness().kubectl("get pods -o foo").stderr).toMatch(
      /^error: unable to match a printer suitable for the output format "foo"/,
    );
  });

  it("watches: the initial table, then a row per change until quiet", () => {
    const h = makeHarness();
    h.kubectl("run nginx --image=nginx");
    const r = h.kubectl("get pods -w");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("NAME    READY   STATUS    RESTARTS   AGE");
    expect(lines.slice(1).every((l) => l.startsWith("nginx   0/1"))).toBe(true);
    expect(r.exitCode).toBe(0);
  });
});
