import { describe, expect, it } from "vitest";
import type { Pod } from "../../sandbox/api/types.ts";
import { lab } from "../network/support.ts";

// The kubelet deletes a stopped pod once the PLEG has relisted after syncTerminatingPod: one period, 1 s.
const RELIST_MS = 1000;

function withPod(image = "nginx", args = "") {
  const l = lab();
  const r = l.run(
    `kubectl run gone --image=${image} --overrides='{"spec":{"nodeName":"node01"}}'${args ? ` -- ${args}` : ""}`,
  );
  expect(r.exitCode).toBe(0);
  l.run("sleep 10");
  return l;
}

function pod(l: ReturnType<typeof lab>): Pod | undefined {
  return l.cluster.api.tryGet<Pod>("pods", "default", "gone");
}

describe("kubelet pod termination", () => {
  it("shows a pod deleted with --wait=false as Terminating, its container stopped", () => {
    const l = withPod();
    l.run("kubectl delete pod gone --wait=false");
    expect(l.run("kubectl get pods").stdout).toBe(
      "NAME   READY   STATUS        RESTARTS   AGE\ngone   0/1     Terminating   0          10s\n",
    );
  });

  it("removes the pod one PLEG relist period after its containers stop", () => {
    const l = withPod();
    l.run("kubectl delete pod gone --wait=false");
    l.cluster.advance(RELIST_MS - 1);
    expect(pod(l)?.metadata.deletionTimestamp).toBeDefined();
    l.cluster.advance(1);
    expect(pod(l)).toBeUndefined();
  });

  it("shows the pods of a deployment scaled to zero as Terminating, then none", () => {
    const l = lab();
    l.run("kubectl create deployment web --image=nginx --replicas=2");
    l.run("sleep 10");
    l.run("kubectl scale deployment web --replicas=0");
    const lines = l.run("kubectl get pods --no-headers").stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^web-\S+\s+0\/1\s+Terminating\s+0\s+10s$/);
    l.run("sleep 1");
    expect(l.run("kubectl get pods")).toMatchObject({ stderr: "No resources found in default namespace.\n" });
  });

  it("makes kubectl delete wait until the kubelet has removed the pod", () => {
    const l = withPod();
    const start = l.cluster.api.loop.now();
    expect(l.run("kubectl delete pod gone")).toEqual({
      stdout: 'pod "gone" deleted\n',
      stderr: "",
      exitCode: 0,
    });
    expect(pod(l)).toBeUndefined();
    expect(l.cluster.api.loop.now() - start).toBe(RELIST_MS);
  });

  it("stops the pod's processes and sandbox at once and removes the sandbox with the pod", () => {
    const l = withPod();
    const sandbox = l.run("ssh node01 crictl pods --name gone -q").stdout.trim();
    expect(sandbox).not.toBe("");
    const pauses = () =>
      l
        .run("ssh node01 ps -e -o comm")
        .stdout.split("\n")
        .filter((c) => c === "pause");
    const before = pauses().length;
    expect(l.run("ssh node01 ps -e -o comm").stdout).toMatch(/^nginx$/m);
    l.run("kubectl delete pod gone --wait=false");
    expect(l.run("ssh node01 ps -e -o comm").stdout).not.toMatch(/^nginx$/m);
    expect(pauses()).toHaveLength(before - 1);
    expect(l.run(`ssh node01 crictl ps --pod ${sandbox} -q`).stdout).toBe("");
    expect(l.run("ssh node01 crictl pods --name gone").stdout).toContain("NotReady");
    l.run("sleep 1");
    expect(l.run("ssh node01 crictl pods --name gone -q").stdout).toBe("");
  });

  it("keeps a pod whose process ignores SIGTERM for the grace period, then one relist more", () => {
    const l = withPod("busybox", "sleep 3600");
    l.run("kubectl delete pod gone --wait=false");
    l.cluster.advance(30_000 + RELIST_MS - 1);
    expect(pod(l)?.metadata.deletionTimestamp).toBeDefined();
    l.cluster.advance(1);
    expect(pod(l)).toBeUndefined();
  });

  it("records one Killing event for the pod's container", () => {
    const l = withPod();
    l.run("kubectl delete pod gone --wait=false");
    const out = l.run("kubectl get events --field-selector involvedObject.name=gone,reason=Killing").stdout;
    expect(out).toMatch(/Normal\s+Killing\s+pod\/gone\s+Stopping container gone\n$/);
    expect(out.split("\n").filter((line) => line.includes("Killing"))).toHaveLength(1);
  });
});
