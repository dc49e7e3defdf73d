import { describe, expect, it } from "vitest";
import { makeHarness } from "./harness.ts";

const POD =
  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n  - name: a\n    image: nginx\n";
const CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  k: v\n";

describe("kubectl apply", () => {
  it("creates, then reports unchanged, then configured", () => {
    const h = makeHarness();
    h.files.set("pod.yaml", POD);
    expect(h.kubectl("apply -f pod.yaml").stdout).toBe("pod/app created\n");
    expect(h.kubectl("apply -f pod.yaml").stdout).toBe("pod/app unchanged\n");
    h.files.set("pod.yaml", POD.replace("  name: app\n", "  name: app\n  labels:\n    tier: web\n"));
    expect(h.kubectl("apply -f pod.yaml").stdout).toBe("pod/app configured\n");
  });

  it("writes the last-applied-configuration annotation as kubectl does", () => {
    const h = makeHarness();
    h.kubectl("apply -f -", CM);
    const r = h.kubectl([
      "get",
      "cm",
      "cfg",
      "-o",
      "jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}",
    ]);
    expect(r.stdout).toBe(
      '{"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"cfg","namespace":"default"}}\n',
    );
  });

  it("applies the documents before a bad one and reports it", () => {
    const h = makeHarness();
    h.files.set("all.yaml", `${POD}---\n${CM}---\nkind: Pod\nmetadata: name: x\n`);
    const r = h.kubectl("apply -f all.yaml");
    expect(r.stdout).toBe("pod/app created\nconfigmap/cfg created\n");
    expect(r.stderr).toBe(
      "error: error parsing all.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context\n",
    );
    expect(r.exitCode).toBe(1);
  });

  it("reports a missing path without changing anything", () => {
    const h = makeHarness();
    const rev = h.etcd.revision();
    expect(h.kubectl("apply -f nope.yaml")).toEqual({
      stdout: "",
      stderr: 'error: the path "nope.yaml" does not exist\n',
      exitCode: 1,
    });
    expect(h.etcd.revision()).toBe(rev);
  });

  it("reports a document without kind", () => {
    const h = makeHarness();
    h.files.set("x.yaml", "apiVersion: v1\nmetadata:\n  name: x\n");
    expect(h.kubectl("apply -f x.yaml").stderr).toBe(
      'error: error validating "x.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
  });

  it("prints the server's Invalid error", () => {
    const h = makeHarness();
    h.files.set(
      "bad.yaml",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  containers:\n  - name: a\n    image: nginx\n",
    );
    expect(h.kubectl("apply -f bad.yaml").stderr).toMatch(
      /^The Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": /,
    );
  });
});

describe("kubectl delete", () => {
  it("deletes by name and waits until gone", () => {
    const h = makeHarness();
    h.kubectl("create cm c");
    expect(h.kubectl("delete cm c")).toEqual({ stdout: 'configmap "c" deleted\n', stderr: "", exitCode: 0 });
    expect(h.kubectl("get cm c").stderr).toBe('Error from server (NotFound): configmaps "c" not found\n');
  });

  it("warns on --force --grace-period=0", () => {
    const h = makeHarness();
    h.kubectl("run nginx --image=nginx");
    const r = h.kubectl("delete pod nginx --force --grace-period=0");
    expect(r.stdout).toBe('pod "nginx" force deleted\n');
    expect(r.stderr).toBe(
      "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n",
    );
  });

  it("names the group of grouped kinds", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    expect(h.kubectl("delete deploy web").stdout).toBe('deployment.apps "web" deleted\n');
  });

  it("reports a missing object", () => {
    expect(makeHarness().kubectl("delete pod zz")).toEqual({
      stdout: "",
      stderr: 'Error from server (NotFound): pods "zz" not found\n',
      exitCode: 1,
    });
  });

  it("requires a name or a selector", () => {
    expect(makeHarness().kubectl("delete pod").stderr).toBe(
      "error: resource(s) were provided, but no name was specified\n",
    );
  });

  it("deletes by label", () => {
    const h = makeHarness();
    h.kubectl("create cm a");
    h.kubectl("label cm a x=1");
    h.kubectl("create cm b");
    expect(h.kubectl("delete cm -l x=1").stdout).toBe('configmap "a" deleted\n');
  });
});
