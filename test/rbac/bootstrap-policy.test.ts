import { beforeAll, describe, expect, it } from "vitest";
import { type Cluster, createCluster } from "../../sandbox/cluster/cluster.ts";
import type { Shell } from "../../sandbox/shell/shell.ts";
import { TLS } from "../etcdctl/support.ts";
import { expectGolden } from "../support/golden.ts";

let cluster: Cluster;
let sh: Shell;

beforeAll(() => {
  cluster = createCluster();
  sh = cluster.shell();
});

const out = (line: string) => sh.run(line).stdout;

describe("the bootstrap RBAC policy of the default cluster", () => {
  it("lists every default ClusterRole, kubeadm's and flannel's", () => {
    expectGolden("rbac/get-clusterroles.txt", out("kubectl get clusterroles"));
  });

  it("lists the ClusterRoleBindings with their subjects", () => {
    expectGolden("rbac/get-clusterrolebindings-wide.txt", out("kubectl get clusterrolebindings -o wide"));
  });

  it("lists the Roles of kube-system and kube-public", () => {
    expectGolden("rbac/get-roles-all.txt", out("kubectl get roles -A"));
  });

  it("lists the RoleBindings of kube-system and kube-public", () => {
    expectGolden("rbac/get-rolebindings-all.txt", out("kubectl get rolebindings -A -o wide"));
  });

  it("labels and annotates the API server's objects, not kubeadm's", () => {
    const labels = "-o jsonpath={.metadata.labels} ";
    expect(out(`kubectl get clusterrole cluster-admin ${labels}`)).toBe(
      '{"kubernetes.io/bootstrapping":"rbac-defaults"}',
    );
    expect(out("kubectl get clusterrolebinding system:basic-user -o jsonpath={.metadata.annotations}")).toBe(
      '{"rbac.authorization.kubernetes.io/autoupdate":"true"}',
    );
    expect(out(`kubectl get clusterrolebinding kubeadm:cluster-admins ${labels}`)).toBe("");
  });

  it("stores them in etcd under the RBAC prefixes", () => {
    const keys = cluster.etcdctl(["get", "/registry/", "--prefix", "--keys-only", ...TLS]).stdout.split("\n");
    for (const key of [
      "/registry/clusterroles/cluster-admin",
      "/registry/clusterroles/system:controller:namespace-controller",
      "/registry/clusterrolebindings/kubeadm:cluster-admins",
      "/registry/roles/kube-public/kubeadm:bootstrap-signer-clusterinfo",
      "/registry/roles/kube-system/system::leader-locking-kube-scheduler",
      "/registry/rolebindings/kube-system/kubeadm:kubelet-config",
    ])
      expect(keys).toContain(key);
  });

  it("gives each object its own uid, resourceVersion and creationTimestamp", () => {
    const meta = (name: string) =>
      JSON.parse(out(`kubectl get clusterrole ${name} -o json`)).metadata as Record<string, string>;
    const a = meta("admin");
    const b = meta("view");
    expect(a.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.uid).not.toBe(b.uid);
    expect(Number(b.resourceVersion)).toBeGreaterThan(Number(a.resourceVersion));
    expect(a.creationTimestamp).toBe("2025-01-15T09:01:02Z");
  });

  it("fills the aggregated roles with the rules they select", () => {
    expectGolden("rbac/describe-clusterrole-view.txt", out("kubectl describe clusterrole view"));
  });
});
