import { describe, expect, it } from "vitest";
import { makeHarness } from "./harness.ts";

const RUN_YAML = `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`;

describe("kubectl run", () => {
  it("prints the generated pod for --dry-run=client -o yaml (FIDELITY §2)", () => {
    const h = makeHarness();
    const rev = h.etcd.revision();
    expect(h.kubectl("run nginx --image=nginx --dry-run=client -o yaml")).toEqual({
      stdout: RUN_YAML,
      stderr: "",
      exitCode: 0,
    });
    expect(h.etcd.revision()).toBe(rev);
  });

  it("creates the pod", () => {
    expect(makeHarness().kubectl("run nginx --image=nginx")).toEqual({
      stdout: "pod/nginx created\n",
      stderr: "",
      exitCode: 0,
    });
  });

  it("reports AlreadyExists", () => {
    const h = makeHarness();
    h.kubectl("run nginx --image=nginx");
    expect(h.kubectl("run nginx --image=nginx")).toEqual({
      stdout: "",
      stderr: 'Error from server (AlreadyExists): pods "nginx" already exists\n',
      exitCode: 1,
    });
  });

  it("passes args after -- and --command", () => {
    const h = makeHarness();
    h.kubectl("run bb --image=busybox --restart=Never --command -- sleep 10");
    expect(h.kubectl(["get", "pod", "bb", "-o", "jsonpath={.spec.containers[0].command}"]).stdout).toBe(
      '["sleep","10"]',
    );
  });

  it("requires --image and NAME", () => {
    expect(makeHarness().kubectl("run x").stderr).toBe('error: required flag(s) "image" not set\n');
    expect(makeHarness().kubectl("run --image=nginx").stderr).toBe(
      "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n",
    );
  });

  it("rejects a malformed image", () => {
    expect(makeHarness().kubectl("run x --image=NGINX").stderr).toBe(
      'error: Invalid image name "NGINX": invalid reference format\n',
    );
  });
});

describe("kubectl create", () => {
  it("creates a namespace and reports it exists", () => {
    const h = makeHarness();
    expect(h.kubectl("create ns dev").stdout).toBe("namespace/dev created\n");
    expect(h.kubectl("create ns dev").stderr).toBe(
      'Error from server (AlreadyExists): namespaces "dev" already exists\n',
    );
  });

  it("wraps the deployment AlreadyExists error", () => {
    const h = makeHarness();
    expect(h.kubectl("create deployment web --image=nginx").stdout).toBe("deployment.apps/web created\n");
    expect(h.kubectl("create deployment web --image=nginx").stderr).toBe(
      'error: failed to create deployment: deployments.apps "web" already exists\n',
    );
  });

  it("generates a deployment with app labels and strategy {}", () => {
    const out = makeHarness().kubectl(
      "create deployment web --image=nginx --replicas=3 --dry-run=client -o yaml",
    ).stdout;
    expect(out).toContain("  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n");
    expect(out).toContain("      - image: nginx\n        name: nginx\n        resources: {}\n");
  });

  it("prints the dry-run suffix", () => {
    expect(makeHarness().kubectl("create ns dev --dry-run=client").stdout).toBe(
      "namespace/dev created (dry run)\n",
    );
  });

  it("creates a NodePort service from --tcp", () => {
    const h = makeHarness();
    expect(h.kubectl("create service nodeport web --tcp=80:8080").stdout).toBe("service/web created\n");
    expect(
      h.kubectl(["get", "svc", "web", "-o", "jsonpath={.spec.ports[0].name} {.spec.ports[0].targetPort}"])
        .stdout,
    ).toBe("80-8080 8080");
  });

  it("creates a configmap from literals and files", () => {
    const h = makeHarness();
    h.files.set("app.conf", "x=1\n");
    expect(h.kubectl("create configmap c --from-literal=a=b --from-file=app.conf").stdout).toBe(
      "configmap/c created\n",
    );
    expect(h.kubectl(["get", "cm", "c", "-o", "jsonpath={.data}"]).stdout).toBe(
      '{"a":"b","app.conf":"x=1\\n"}',
    );
  });

  it("base64-encodes secret values", () => {
    const h = makeHarness();
    h.kubectl("create secret generic s --from-literal=pw=hunter2");
    expect(h.kubectl(["get", "secret", "s", "-o", "jsonpath={.data.pw}"]).stdout).toBe("aHVudGVyMg==");
  });

  it("creates from a file and reports the source on failure", () => {
    const h = makeHarness();
    h.files.set("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    expect(h.kubectl("create -f cm.yaml").stdout).toBe("configmap/c created\n");
    expect(h.kubectl("create -f cm.yaml").stderr).toBe(
      'Error from server (AlreadyExists): error when creating "cm.yaml": configmaps "c" already exists\n',
    );
  });
});
