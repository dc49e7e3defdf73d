import { describe, expect, it } from "vitest";
import { makeHarness } from "./harness.ts";

const POD =
  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n";
const WARNING =
  "Warning: resource pods/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n";

function annotation(h: ReturnType<typeof makeHarness>, plural: string, name: string): string | undefined {
  return h.api.get(plural, "default", name).metadata.annotations?.[
    "kubectl.kubernetes.io/last-applied-configuration"
  ];
}

describe("kubectl apply on an object created without apply", () => {
  it("warns on stderr, then patches it and stores the annotation", () => {
    const h = makeHarness();
    h.kubectl("run web --image=nginx");
    h.files.set("pod.yaml", POD);
    expect(h.kubectl("apply -f pod.yaml")).toEqual({
      stdout: "pod/web configured\n",
      stderr: WARNING,
      exitCode: 0,
    });
    expect(annotation(h, "pods", "web")).toContain('"name":"web"');
    expect(h.kubectl("apply -f pod.yaml")).toEqual({
      stdout: "pod/web unchanged\n",
      stderr: "",
      exitCode: 0,
    });
  });

  it("names the resource by its plural, without the group", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    h.files.set(
      "d.yaml",
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n",
    );
    const r = h.kubectl("apply -f d.yaml");
    expect(r.stderr).toBe(WARNING.replace("pods/web", "deployments/web"));
    expect(r.stdout).toBe("deployment.apps/web configured\n");
  });

  it("does not warn in a client dry run", () => {
    const h = makeHarness();
    h.kubectl("run web --image=nginx");
    h.files.set("pod.yaml", POD);
    expect(h.kubectl("apply -f pod.yaml --dry-run=client").stderr).toBe("");
  });
});

describe("kubectl create --save-config", () => {
  it("stores the annotation so a later apply does not warn", () => {
    const h = makeHarness();
    h.files.set("pod.yaml", POD);
    expect(h.kubectl("create -f pod.yaml --save-config").stdout).toBe("pod/web created\n");
    expect(annotation(h, "pods", "web")).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx","name":"web"}]}}\n',
    );
    expect(h.kubectl("apply -f pod.yaml")).toEqual({
      stdout: "pod/web unchanged\n",
      stderr: "",
      exitCode: 0,
    });
  });

  it("stores a generated object in its own field order", () => {
    const h = makeHarness();
    h.kubectl("create namespace dev --save-config");
    expect(h.api.get("namespaces", undefined, "dev").metadata.annotations).toEqual({
      "kubectl.kubernetes.io/last-applied-configuration":
        '{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"dev","creationTimestamp":null},"spec":{},"status":{}}\n',
    });
  });

  it("stores nothing without the flag", () => {
    const h = makeHarness();
    h.files.set("pod.yaml", POD);
    h.kubectl("create -f pod.yaml");
    expect(annotation(h, "pods", "web")).toBeUndefined();
  });
});
