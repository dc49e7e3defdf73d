import { describe, expect, it } from "vitest";
import { createCluster } from "../../sandbox/index.ts";

describe("tab completion", () => {
  it("completes commands, kubectl verbs, resource types and object names", () => {
    const sh = createCluster().shell();
    expect(sh.complete("kube")).toEqual(["kubectl"]);
    expect(sh.complete("kubectl desc")).toEqual(["describe"]);
    expect(sh.complete("kubectl get deploy")).toEqual(["deployments"]);
    expect(sh.complete("kubectl get no")).toEqual(["nodes"]);
    expect(sh.complete("kubectl get nodes node0")).toEqual(["node01", "node02"]);
    expect(sh.complete("ssh node")).toEqual(["node01", "node02"]);
  });

  it("completes paths relative to the working directory, directories with a slash", () => {
    const sh = createCluster().shell();
    expect(sh.complete("cat kube-")).toEqual(["kube-flannel.yml"]);
    expect(sh.complete("ls /etc/kub")).toEqual(["/etc/kubernetes/"]);
    sh.run("cd /etc/kubernetes");
    expect(sh.complete("ls man")).toEqual(["manifests/"]);
    expect(sh.complete("cat manifests/kube-s")).toEqual(["manifests/kube-scheduler.yaml"]);
    expect(sh.complete("cat ~/kube")).toEqual(["~/kube-flannel.yml"]);
  });

  it("offers only directories to cd, and files to kubectl's -f", () => {
    const sh = createCluster().shell();
    sh.run("cd /etc/kubernetes");
    expect(sh.complete("cd ")).toEqual(["manifests/", "pki/"]);
    expect(sh.complete("kubectl apply -f manifests/et")).toEqual(["manifests/etcd.yaml"]);
  });

  it("leaves dot files out unless the word starts with a dot", () => {
    const sh = createCluster().shell();
    expect(sh.complete("ls ").some((p) => p.startsWith("."))).toBe(false);
    expect(sh.complete("ls .ku")).toEqual([".kube/"]);
  });
});
