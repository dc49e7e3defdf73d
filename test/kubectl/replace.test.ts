import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../sandbox/api/types.ts";
import { expectGolden } from "../support/golden.ts";
import { WEB_DEPLOYMENT } from "../support/manifests.ts";
import { makeHarness } from "./harness.ts";

const CM =
  "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels:\n    tier: web\ndata:\n  k: v\n";
const POD =
  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n";
const DEP = WEB_DEPLOYMENT;
const LAST = "kubectl.kubernetes.io/last-applied-configuration";

function cm(h: ReturnType<typeof makeHarness>): KubeObject {
  return h.api.get<KubeObject>("configmaps", "default", "cfg");
}

describe("kubectl replace", () => {
  it("replaces the whole object: fields missing from the file are gone", () => {
    const h = makeHarness();
    h.kubectl("create -f -", CM);
    const r = h.kubectl(
      "replace -f -",
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  k2: w\n",
    );
    expect(r.stdout).toBe("configmap/cfg replaced\n");
    expect(r.exitCode).toBe(0);
    expect(cm(h).metadata.labels).toBeUndefined();
    expect((cm(h) as unknown as { data: unknown }).data).toEqual({ k2: "w" });
  });

  it("fails with NotFound when the object does not exist", () => {
    const h = makeHarness();
    h.files.set("pod.yaml", POD);
    const r = h.kubectl("replace -f pod.yaml");
    expect(r.stderr).toBe(
      'Error from server (NotFound): error when replacing "pod.yaml": pods "x" not found\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it("replaces a pod's image from its own YAML, as `get -o yaml | sed | replace -f -` does", () => {
    const h = makeHarness();
    h.kubectl("create -f -", POD);
    const yaml = h.kubectl("get pod x -o yaml").stdout.replace("image: nginx:1.27", "image: nginx:1.28");
    expect(h.kubectl("replace -f -", yaml).stdout).toBe("pod/x replaced\n");
    const pod = h.api.get<KubeObject>("pods", "default", "x") as unknown as {
      spec: { containers: { image: string }[] };
    };
    expect(pod.spec.containers[0].image).toBe("nginx:1.28");
  });

  it("treats the file's resourceVersion as a precondition (Conflict when stale)", () => {
    const h = makeHarness();
    h.kubectl("create -f -", CM);
    const stale = h.kubectl("get cm cfg -o yaml").stdout;
    h.kubectl("label cm cfg extra=1");
    const r = h.kubectl("replace -f -", stale);
    expect(r.stderr).toBe(
      'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on configmaps "cfg": the object has been modified; please apply your changes to the latest version and try again\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it("reports the API server's error for a pod field updates may not change", () => {
    const h = makeHarness();
    h.kubectl("create -f -", POD);
    const yaml = h
      .kubectl("get pod x -o yaml")
      .stdout.replace("restartPolicy: Always", "restartPolicy: Never");
    const r = h.kubectl("replace -f -", yaml);
    expect(r.exitCode).toBe(1);
    expectGolden("kubectl/replace-pod-forbidden.txt", r.stderr);
  });

  it("reports a Deployment's immutable selector", () => {
    const h = makeHarness();
    h.kubectl("create -f -", DEP);
    const yaml = h
      .kubectl("get deploy web -o yaml")
      .stdout.replace(/matchLabels:\n(\s+)app: web/, "matchLabels:\n$1app: web2")
      .replaceAll("        app: web\n", "        app: web2\n");
    const r = h.kubectl("replace -f -", yaml);
    expect(r.exitCode).toBe(1);
    expectGolden("kubectl/replace-deployment-immutable.txt", r.stderr);
  });

  it("drops the last-applied annotation unless the file carries it or --save-config is given", () => {
    const h = makeHarness();
    h.kubectl("apply -f -", CM);
    h.kubectl("replace -f -", CM);
    expect(cm(h).metadata.annotations?.[LAST]).toBeUndefined();
    h.kubectl("replace --save-config -f -", CM);
    expect(cm(h).metadata.annotations?.[LAST]).toBe(
      '{"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","metadata":{"annotations":{},"labels":{"tier":"web"},"name":"cfg","namespace":"default"}}\n',
    );
  });

  it("refreshes a last-applied annotation the file carries", () => {
    const h = makeHarness();
    h.kubectl("apply -f -", CM);
    const yaml = h.kubectl("get cm cfg -o yaml").stdout.replace("  k: v", "  k: changed");
    h.kubectl("replace -f -", yaml);
    expect(JSON.parse(cm(h).metadata.annotations?.[LAST] ?? "{}").data).toEqual({ k: "changed" });
  });

  it("deletes then creates the object with --force", () => {
    const h = makeHarness();
    h.kubectl("create -f -", CM);
    const uid = cm(h).metadata.uid;
    const r = h.kubectl("replace --force -f -", CM.replace("k: v", "k: w"));
    expect(r.stdout).toBe('configmap "cfg" deleted\nconfigmap/cfg replaced\n');
    expect(cm(h).metadata.uid).not.toBe(uid);
  });

  it("creates a missing object with --force", () => {
    const h = makeHarness();
    const r = h.kubectl("replace --force -f -", CM);
    expect(r.stdout).toBe('configmap "cfg" deleted\nconfigmap/cfg replaced\n');
    expect(r.exitCode).toBe(0);
  });

  it("marks dry runs and prints -o name", () => {
    const h = makeHarness();
    h.kubectl("create -f -", CM);
    expect(h.kubectl("replace --dry-run=client -f -", CM).stdout).toBe("configmap/cfg replaced (dry run)\n");
    expect(h.kubectl("replace --dry-run=server -f -", CM).stdout).toBe(
      "configmap/cfg replaced (server dry run)\n",
    );
    expect(h.kubectl("replace -o name -f -", CM).stdout).toBe("configmap/cfg\n");
  });

  it("requires --force for --grace-period and --timeout, and a file", () => {
    const h = makeHarness();
    expect(h.kubectl("replace --grace-period=0 -f -", CM).stderr).toBe(
      "error: --grace-period must have --force specified\n",
    );
    expect(h.kubectl("replace --timeout=5s -f -", CM).stderr).toBe(
      "error: --timeout must have --force specified\n",
    );
    expect(h.kubectl("replace").stderr).toBe("error: must specify one of -f and -k\n");
  });

  it("prints kubectl's help page", () => {
    expectGolden("kubectl/replace-help.txt", makeHarness().kubectl("replace --help").stdout);
  });
});

describe("kubectl replace --as", () => {
  const CFG = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  k: v\n";

  it("is authorized for the verb update (a PUT), not patch", () => {
    const h = makeHarness();
    h.files.set("cm.yaml", CFG);
    h.kubectl("create -f cm.yaml");
    h.kubectl("create role patcher --verb=get,patch --resource=configmaps");
    h.kubectl("create rolebinding jane-patches --role=patcher --user=jane");
    const denied = h.kubectl("replace -f cm.yaml --as=jane");
    expect(denied.stderr).toContain(
      'User "jane" cannot update resource "configmaps" in API group "" in the namespace "default"',
    );
    expect(denied.exitCode).toBe(1);
    h.kubectl("create role updater --verb=update --resource=configmaps");
    h.kubectl("create rolebinding jane-updates --role=updater --user=jane");
    expect(h.kubectl("replace -f cm.yaml --as=jane")).toEqual({
      stdout: "configmap/cfg replaced\n",
      stderr: "",
      exitCode: 0,
    });
  });
});
