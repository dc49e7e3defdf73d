import { describe, expect, it } from "vitest";
import { createCluster } from "../../sandbox/cluster/cluster.ts";

const yes = { stdout: "yes\n", stderr: "", exitCode: 0 };
const no = { stdout: "no\n", stderr: "", exitCode: 1 };

describe("authorization through the bootstrap bindings", () => {
  it("allows the admin through kubeadm:cluster-admins, not system:masters", () => {
    const sh = createCluster().shell();
    expect(sh.run("kubectl auth can-i create deployments.apps -n kube-system")).toEqual(yes);
    sh.run("kubectl delete clusterrolebinding kubeadm:cluster-admins");
    expect(sh.run("kubectl auth can-i create deployments.apps -n kube-system")).toEqual(no);
  });

  it("lets a user bound to view in a namespace list pods there but not create them", () => {
    const sh = createCluster().shell();
    expect(
      sh.run("kubectl create rolebinding jane-view --clusterrole=view --user=jane -n default").exitCode,
    ).toBe(0);
    expect(sh.run("kubectl auth can-i list pods --as jane")).toEqual(yes);
    expect(sh.run("kubectl auth can-i create pods --as jane")).toEqual(no);
    expect(sh.run("kubectl auth can-i list pods -n kube-system --as jane")).toEqual(no);
    expect(sh.run("kubectl get pods --as jane").stderr).toBe("No resources found in default namespace.\n");
  });

  it("lets any authenticated user read the discovery and health paths", () => {
    const sh = createCluster().shell();
    expect(sh.run("kubectl auth can-i get /healthz --as jane")).toEqual(yes);
    expect(sh.run("kubectl auth can-i get /version --as=system:anonymous")).toEqual(yes);
    expect(sh.run("kubectl auth can-i get /apis --as=system:anonymous")).toEqual(no);
  });

  it("lets kube-proxy's service account watch endpointslices through kubeadm:node-proxier", () => {
    const sh = createCluster().shell();
    const sa = "--as=system:serviceaccount:kube-system:kube-proxy";
    expect(sh.run(`kubectl auth can-i watch endpointslices.discovery.k8s.io -A ${sa}`)).toEqual(yes);
    expect(sh.run(`kubectl auth can-i get configmaps/kube-proxy -n kube-system ${sa}`)).toEqual(no);
  });

  it("lets a joining node's bootstrap token read kube-proxy's ConfigMap", () => {
    const sh = createCluster().shell();
    const token = "--as=system:bootstrap:abcdef --as-group=system:bootstrappers:kubeadm:default-node-token";
    expect(sh.run(`kubectl auth can-i get configmaps/kube-proxy -n kube-system ${token}`)).toEqual(yes);
    expect(sh.run(`kubectl auth can-i get configmaps/coredns -n kube-system ${token}`)).toEqual(no);
  });
});
