import { describe, expect, it } from "vitest";
import type { Deployment, Pod, ReplicaSet } from "../../sandbox/api/types.ts";
import { type Harness, makeHarness } from "./harness.ts";

// The harness has no kubelets, so tests play the kubelet's part by writing pod status at a virtual time.
function markReady(h: Harness, name: string, afterMs: number): void {
  h.loop.schedule(afterMs, () => {
    h.api.mutate<Pod>(
      "pods",
      "default",
      name,
      (p) => {
        p.status = {
          ...p.status,
          phase: "Running",
          conditions: [{ type: "Ready", status: "True" }],
        } as Pod["status"];
        return true;
      },
      true,
    );
  });
}

describe("kubectl wait", () => {
  it("waits on virtual time until a pod is Ready", () => {
    const h = makeHarness();
    h.kubectl("run nginx --image=nginx");
    h.loop.drain();
    const begin = h.loop.now();
    markReady(h, "nginx", 7_000);
    expect(h.kubectl("wait --for=condition=Ready pod/nginx")).toEqual({
      stdout: "pod/nginx condition met\n",
      stderr: "",
      exitCode: 0,
    });
    expect(h.loop.now() - begin).toBe(7_000);
  });

  it("times out after --timeout of virtual time", () => {
    const h = makeHarness();
    h.kubectl("run nginx --image=nginx");
    h.loop.drain();
    const begin = h.loop.now();
    expect(h.kubectl("wait --for=condition=Ready pod/nginx --timeout=5s")).toEqual({
      stdout: "",
      stderr: "error: timed out waiting for the condition on pods/nginx\n",
      exitCode: 1,
    });
    expect(h.loop.now() - begin).toBe(5_000);
  });

  it("uses a 30 s timeout by default", () => {
    const h = makeHarness();
    h.kubectl("run nginx --image=nginx");
    h.loop.drain();
    const begin = h.loop.now();
    expect(h.kubectl("wait --for=condition=Ready pod/nginx").exitCode).toBe(1);
    expect(h.loop.now() - begin).toBe(30_000);
  });

  it("waits for a jsonpath value", () => {
    const h = makeHarness();
    h.kubectl("run nginx --image=nginx");
    markReady(h, "nginx", 2_000);
    expect(h.kubectl(["wait", "--for=jsonpath={.status.phase}=Running", "pod/nginx"]).stdout).toBe(
      "pod/nginx condition met\n",
    );
  });

  it("waits for a deployment to become Available", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    h.loop.drain();
    const pod = h.api.list<Pod>("pods", { namespace: "default", labelSelector: "app=web" }).items[0];
    markReady(h, pod.metadata.name ?? "", 3_000);
    expect(h.kubectl("wait --for=condition=Available deployment/web")).toEqual({
      stdout: "deployment.apps/web condition met\n",
      stderr: "",
      exitCode: 0,
    });
  });

  it("waits for deletion", () => {
    const h = makeHarness();
    h.kubectl("create configmap cfg --from-literal=a=b");
    h.loop.schedule(4_000, () => h.api.delete("configmaps", "default", "cfg"));
    expect(h.kubectl("wait --for=delete configmap/cfg").stdout).toBe("configmap/cfg condition met\n");
  });

  it("succeeds silently when the object to wait deletion for is already gone", () => {
    expect(makeHarness().kubectl("wait --for=delete pod/nope")).toEqual({
      stdout: "",
      stderr: "",
      exitCode: 0,
    });
  });

  it("waits for every pod a selector matches", () => {
    const h = makeHarness();
    h.kubectl("run a --image=nginx --labels=app=web");
    h.kubectl("run b --image=nginx --labels=app=web");
    markReady(h, "a", 1_000);
    markReady(h, "b", 2_000);
    expect(h.kubectl("wait --for=condition=Ready pod -l app=web").stdout).toBe(
      "pod/a condition met\npod/b condition met\n",
    );
  });

  it("reports a selector that matches nothing", () => {
    expect(makeHarness().kubectl("wait --for=condition=Ready pod -l app=none").stderr).toBe(
      "error: no matching resources found\n",
    );
  });

  it("reports a missing object as the server does", () => {
    expect(makeHarness().kubectl("wait --for=condition=Ready pod/nope").stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
  });

  it("checks once with --timeout=0", () => {
    const h = makeHarness();
    h.kubectl("run nginx --image=nginx");
    expect(h.kubectl("wait --for=condition=Ready pod/nginx --timeout=0").stderr).toBe(
      "error: condition not met for pods/nginx\n",
    );
  });

  it("rejects an unknown --for", () => {
    const h = makeHarness();
    h.kubectl("run nginx --image=nginx");
    expect(h.kubectl("wait --for=ready pod/nginx").stderr).toBe('error: unrecognized condition: "ready"\n');
  });
});

describe("kubectl set image", () => {
  it("updates the image and rolls out a new ReplicaSet", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    expect(h.kubectl("set image deployment/web nginx=nginx:1.27")).toEqual({
      stdout: "deployment.apps/web image updated\n",
      stderr: "",
      exitCode: 0,
    });
    h.loop.drain();
    const sets = h.api.list<ReplicaSet>("replicasets", { namespace: "default" }).items;
    expect(sets.map((rs) => rs.spec.template.spec.containers[0].image).sort()).toEqual([
      "nginx",
      "nginx:1.27",
    ]);
    expect(h.kubectl("rollout history deploy/web").stdout).toContain("2         <none>");
  });

  it("reports an unknown container and changes nothing", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    expect(h.kubectl("set image deploy/web nope=nginx:1.27")).toEqual({
      stdout: "",
      stderr: 'error: unable to find container named "nope"\n',
      exitCode: 1,
    });
    const d = h.api.get<Deployment>("deployments", "default", "web");
    expect(d.spec.template.spec.containers[0].image).toBe("nginx");
  });

  it("prints nothing when the image is already set", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    expect(h.kubectl("set image deploy/web nginx=nginx")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
  });

  it("needs at least one image", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    expect(h.kubectl("set image deploy/web").stderr).toBe("at least one image update is required\n");
  });

  it("reports a missing deployment", () => {
    expect(makeHarness().kubectl("set image deploy/web nginx=nginx:1.27").stderr).toBe(
      'Error from server (NotFound): deployments.apps "web" not found\n',
    );
  });

  it("changes nothing on a client dry run", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    expect(h.kubectl("set image deploy/web nginx=nginx:1.27 --dry-run=client").stdout).toBe(
      "deployment.apps/web image updated (dry run)\n",
    );
    const d = h.api.get<Deployment>("deployments", "default", "web");
    expect(d.spec.template.spec.containers[0].image).toBe("nginx");
  });

  it("updates a pod's container image", () => {
    const h = makeHarness();
    h.kubectl("run nginx --image=nginx");
    expect(h.kubectl("set image pod/nginx *=nginx:1.27").stdout).toBe("pod/nginx image updated\n");
  });
});

describe("kubectl set env", () => {
  function env(h: Harness): unknown {
    return h.api.get<Deployment>("deployments", "default", "web").spec.template.spec.containers[0].env;
  }

  it("adds, replaces and removes variables", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    expect(h.kubectl("set env deployment/web A=1 B=2").stdout).toBe("deployment.apps/web env updated\n");
    h.kubectl("set env deployment/web A=3 B-");
    expect(env(h)).toEqual([{ name: "A", value: "3" }]);
  });

  it("lists the variables of each container", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    h.kubectl("set env deployment/web A=1");
    expect(h.kubectl("set env deployment/web --list").stdout).toBe(
      "# Deployment web, container nginx\nA=1\n",
    );
  });

  it("refuses to overwrite with --overwrite=false", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    h.kubectl("set env deployment/web A=1");
    expect(h.kubectl("set env deployment/web A=2 --overwrite=false").stderr).toBe(
      "error: deployments/web 'A' already has a value (1), and --overwrite is false\n\n",
    );
  });

  it("warns when no container matches --containers", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    expect(h.kubectl("set env deployment/web A=1 -c side")).toEqual({
      stdout: "",
      stderr: 'warning: Deployment/web does not have any containers matching "side"\n',
      exitCode: 0,
    });
  });

  it("needs resources before the variables", () => {
    expect(makeHarness().kubectl("set env A=1 deployment/web").stderr).toBe(
      "error: all resources must be specified before environment changes: A=1 deployment/web\n",
    );
  });
});
