import { describe, it } from "vitest";
import { createCluster } from "../../sandbox/cluster/cluster.ts";
import { expectGolden } from "../support/golden.ts";

describe("kubectl describe for RBAC kinds", () => {
  const sh = createCluster().shell();

  it("prints a ClusterRole's rules with resource names and URLs", () => {
    expectGolden(
      "rbac/describe-clusterrole-node-proxier.txt",
      sh.run("kubectl describe clusterrole system:discovery system:node-proxier").stdout,
    );
  });

  it("prints a Role", () => {
    expectGolden(
      "rbac/describe-role-clusterinfo.txt",
      sh.run("kubectl describe role -n kube-public kubeadm:bootstrap-signer-clusterinfo").stdout,
    );
  });

  it("prints a ClusterRoleBinding's role and subjects", () => {
    expectGolden(
      "rbac/describe-clusterrolebinding.txt",
      sh.run("kubectl describe clusterrolebinding kubeadm:cluster-admins system:public-info-viewer").stdout,
    );
  });

  it("prints a RoleBinding with ServiceAccount subjects", () => {
    expectGolden(
      "rbac/describe-rolebinding.txt",
      sh.run("kubectl describe rolebinding -n kube-system system::leader-locking-kube-controller-manager")
        .stdout,
    );
  });
});
