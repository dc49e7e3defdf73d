import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.ts";
import { makeHarness } from "./harness.ts";

describe("kubectl version", () => {
  it("prints client, kustomize and server versions", () => {
    expect(makeHarness().kubectl("version").stdout).toBe(
      "Client Version: v1.32.5\nKustomize Version: v5.5.0\nServer Version: v1.32.4\n",
    );
  });
});

describe("kubectl cluster-info", () => {
  it("prints the control plane address and the debug hint", () => {
    expect(makeHarness().kubectl("cluster-info").stdout).toBe(
      "Kubernetes control plane is running at https://172.30.1.2:6443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });
});

describe("kubectl api-resources", () => {
  it("prints the resource table", () => {
    expectGolden("kubectl/api-resources.txt", makeHarness().kubectl("api-resources").stdout);
  });

  it("filters cluster-scoped types and prints names", () => {
    expect(makeHarness().kubectl("api-resources --namespaced=false -o name").stdout).toBe(
      "componentstatuses\nnamespaces\nnodes\nclusterrolebindings.rbac.authorization.k8s.io\nclusterroles.rbac.authorization.k8s.io\n",
    );
  });
});

describe("kubectl errors", () => {
  it("rejects an unknown command", () => {
    const r = makeHarness().kubectl("foo");
    expect(r.stderr).toMatch(/^error: unknown command "foo" for "kubectl"/);
    expect(r.exitCode).toBe(1);
  });

  it("reports logs without a kubelet as a server error", () => {
    const h = makeHarness();
    h.kubectl("run nginx --image=nginx");
    expect(h.kubectl("logs nginx")).toEqual({
      stdout: "",
      stderr: "Error from server (BadRequest): no kubelet in this harness\n",
      exitCode: 1,
    });
  });
});
